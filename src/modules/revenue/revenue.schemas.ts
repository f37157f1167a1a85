import { z } from 'zod';
import { DEFAULT_CURRENCY } from '../../core/money.ts';
import { isMonth, monthField, monthsIn } from '../../core/months.ts';

/** The longest range the report takes, in months. */
export const MAX_REVENUE_MONTHS = 36;
/** The range the report shows when none is given: this UTC month and the 11 before it. */
export const DEFAULT_REVENUE_MONTHS = 12;

/**
 * UTC calendar months, both included. Without `to`, the range ends this month (or 11 months
 * after `from`); without `from`, it starts 11 months before `to`.
 */
export const revenueQuery = z
  .object({
    from: monthField.optional(),
    to: monthField.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as CNY')
      .default(DEFAULT_CURRENCY),
  })
  // Both run only on two valid months (a malformed one has its own issue already).
  .refine((q) => !isMonth(q.from) || !isMonth(q.to) || q.from <= q.to, { path: ['to'], message: 'must not be before from', params: { issue: 'before_start' } })
  .refine((q) => !isMonth(q.from) || !isMonth(q.to) || q.from > q.to || monthsIn(q.from, q.to) <= MAX_REVENUE_MONTHS, {
    path: ['to'],
    message: `the range must be at most ${MAX_REVENUE_MONTHS} months`,
  });
export type RevenueQuery = z.infer<typeof revenueQuery>;

const minor = z.number().int();
const count = z.number().int();

/** Revenue by source in one currency, minor units: what was earned (positive) and given back (refunds, zero or negative). */
const bySource = {
  /** Sponsored-article fees (the ad_revenue account). */
  adsMinor: minor,
  /** Membership payments (membership_revenue). */
  membershipsMinor: minor,
  /** Store orders (store_revenue). */
  storeMinor: minor,
  /** Money refunded to fans (the refunds account), as a negative amount. */
  refundsMinor: minor,
  /** ads + memberships + store + refunds. */
  netMinor: minor,
};

export const revenueMonthDto = z.object({
  /** A UTC calendar month, `YYYY-MM`. */
  month: z.string(),
  ...bySource,
  /** Followers at the end of the month (the channel's days, from the daily follow rollup). */
  followers: count,
  /** Net revenue per 1,000 followers at the month's end, minor units; null without followers. */
  netPer1000FansMinor: minor.nullable(),
});

export const VERDICTS = ['members', 'ads', 'even', 'not_enough_data'] as const;

export const revenueReportDto = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  /** Every currency with revenue or refunds in these months: the figures are in `currency` alone. */
  currencies: z.array(z.string()),
  /** Every month of the range, oldest first; months with nothing posted are zeros. */
  months: z.array(revenueMonthDto),
  totals: z.object(bySource),
  /** From the memberships module; empty arrays until it has figures. */
  memberships: z.object({
    months: z.array(
      z.object({
        month: z.string(),
        mrrMinor: minor,
        newMembers: count,
        churnedMembers: count,
        activeAtStart: count,
        /** churnedMembers / activeAtStart, or null when the month began without members. */
        churnRate: z.number().nullable(),
      }),
    ),
    cancellationReasons: z.array(z.object({ reason: z.string(), count })),
  }),
  /**
   * "Ads or members?": what sponsored articles brought in ad fees and cost in followers (every
   * article ever published, as in the ads vs original comparison), beside what an average
   * follower brought in memberships over the range.
   */
  adsOrMembers: z.object({
    sponsoredArticles: count,
    /** Unfollows attributed to sponsored articles. */
    followersLost: count,
    /** Every sponsored fee so far, in `currency`. */
    adRevenueMinor: minor,
    adRevenuePerArticleMinor: minor.nullable(),
    /** adRevenueMinor / followersLost: what each follower lost to an ad was exchanged for. */
    adRevenuePerFollowerLostMinor: minor.nullable(),
    /** Membership revenue over the range. */
    membershipRevenueMinor: minor,
    /** The mean of the months' end-of-month followers. */
    averageFollowers: z.number(),
    /** membershipRevenueMinor / averageFollowers: what an average follower brought in memberships over the range. */
    membershipRevenuePerFanMinor: minor.nullable(),
    /**
     * Which pays more per fan: `members` when an average follower brought more in memberships
     * over the range than a follower lost to an ad brought in fees; `not_enough_data` until both
     * are known (an ad fee and a follower lost to ads; membership revenue and followers).
     */
    verdict: z.enum(VERDICTS),
  }),
});
export type RevenueReportDto = z.infer<typeof revenueReportDto>;
export type RevenueMonthDto = z.infer<typeof revenueMonthDto>;
