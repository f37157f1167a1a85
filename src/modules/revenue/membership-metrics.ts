import type { Ctx } from '../../core/context.ts';
import type { Month } from '../../core/months.ts';

/** One UTC month of memberships, in the asked currency. */
export type MembershipMonth = {
  month: Month;
  /** Monthly recurring revenue at the end of the month, minor units. */
  mrrMinor: number;
  /** Members who joined during the month. */
  newMembers: number;
  /** Members whose membership ended during the month. */
  churnedMembers: number;
  /** Members at the first instant of the month. */
  activeAtStart: number;
};

/**
 * Where the revenue report takes its membership figures from (the memberships module provides
 * it): the UTC months in [from, to) (`from` the first instant of the first month, `to` the first
 * instant after the last), and why members cancelled in that range. A month it leaves out has
 * no figures; empty arrays mean there is nothing to show yet.
 */
export type MembershipMetricsSource = (
  ctx: Ctx,
  range: { from: Date; to: Date; currency: string },
) => Promise<{ months: MembershipMonth[]; cancellationReasons: { reason: string; count: number }[] }>;

/** A source with no membership figures, for a container without memberships: the report shows its empty state. */
export const noMembershipMetrics: MembershipMetricsSource = async () => ({ months: [], cancellationReasons: [] });
