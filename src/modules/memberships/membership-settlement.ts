import { addMonths } from '../../core/calendar-months.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { PaymentsService } from '../payments/payments.service.ts';
import type { ActivityInput, TimelineService } from '../timeline/timeline.service.ts';
import { type MembershipRow, type MembershipsRepository, type PurchaseRow, type TierRow } from './memberships.repository.ts';
import type { TiersService } from './tiers.service.ts';

/** Jobs memberships schedule: each membership's expiry on time, and a reminder before a prepaid period ends. */
export const MEMBERSHIP_EXPIRE_JOB = 'membership.expire';
export const MEMBERSHIP_REMIND_JOB = 'membership.remind';
/** The safety net: every 5 minutes, whatever is due and was not moved on by its own job. */
export const MEMBERSHIP_SWEEP_JOB = 'membership.sweep';
export const MEMBERSHIP_SWEEP_SCHEDULE = '*/5 * * * *';
export type MembershipJob = { membershipId: string; periodEnd: string };
/** A prepaid period's renewal reminder comes this long before it ends. */
export const REMINDER_DAYS_BEFORE = 3;

/** How memberships ask for background work at a time (the job queue). */
export type MembershipScheduler = {
  send(ctx: Ctx, name: string, data: MembershipJob, options: { startAfter: Date; singletonKey: string }): Promise<unknown>;
};

/** Still a member at `now`: not expired, and the period not over. */
export const live = (m: MembershipRow | undefined, now: Date): m is MembershipRow => Boolean(m && m.status !== 'expired' && m.currentPeriodEnd > now);
const iso = (d: Date) => d.toISOString();

/**
 * What a period does to a fan's membership, for every way a period comes (bought, renewed by
 * the provider, granted, claimed as a gift) and goes (refunded): one place for the rules.
 */
export function createSettlement(deps: {
  repo: MembershipsRepository;
  tiers: TiersService;
  payments: PaymentsService;
  timeline: TimelineService;
  scheduler?: MembershipScheduler;
}) {
  const { repo, tiers, payments, timeline } = deps;
  async function tierOf(ctx: Ctx, id: string): Promise<TierRow> {
    return tiers.row(ctx, id);
  }

  /** The expiry job at `at` (default the period's end), once per membership and time. */
  async function scheduleExpiry(tx: Ctx, m: MembershipRow, at = m.currentPeriodEnd) {
    const periodEnd = iso(m.currentPeriodEnd);
    await deps.scheduler?.send(tx, MEMBERSHIP_EXPIRE_JOB, { membershipId: m.id, periodEnd }, { startAfter: at, singletonKey: `${m.id}:${iso(at)}` });
  }

  /** The expiry job at the period's end, and the reminder before it for a prepaid period; each once per period. */
  async function scheduleFor(tx: Ctx, m: MembershipRow) {
    if (!deps.scheduler) return;
    await scheduleExpiry(tx, m);
    const periodEnd = iso(m.currentPeriodEnd);
    const data = { membershipId: m.id, periodEnd };
    if (!m.renewingPaymentId) {
      const remindAt = new Date(m.currentPeriodEnd.getTime() - REMINDER_DAYS_BEFORE * 86_400_000);
      if (remindAt > tx.now()) await deps.scheduler.send(tx, MEMBERSHIP_REMIND_JOB, data, { startAfter: remindAt, singletonKey: `${m.id}:${periodEnd}` });
    }
  }

  /**
   * A purchase's period added to the fan's membership (the caller holds the purchase's lock):
   * the same tier while still a member extends the period from its end; another tier, or a
   * lapsed membership, starts a new period now. Records the activity and schedules the expiry.
   */
  async function settle(tx: Ctx, purchase: PurchaseRow, opts: { automatic?: boolean } = {}): Promise<MembershipRow> {
    const now = tx.now();
    const tier = await tierOf(tx, purchase.tierId);
    const current = await repo.lockByFan(tx.db, purchase.fanId);
    const renewing = purchase.autoRenew && purchase.paymentId ? { renewingPaymentId: purchase.paymentId, renewalMonths: purchase.months } : {};
    let membership: MembershipRow;
    let activity: ActivityInput;
    const period = { tierId: tier.id, tier: tier.name, months: purchase.months, amountMinor: purchase.amountMinor, currency: purchase.currency };
    // A subscription's charge that comes in during the grace days continues the period it renews.
    const renewsPastDue = opts.automatic === true && current?.status === 'past_due';
    const continuing = current?.tierId === purchase.tierId && (renewsPastDue || live(current, now));
    if (current && continuing) {
      const end = addMonths(current.currentPeriodEnd, purchase.months);
      membership = await repo.updateMembership(tx.db, current.id, {
        status: 'active',
        currentPeriodEnd: end,
        // Paying again undoes a cancellation (a prepaid membership renews by paying).
        ...(opts.automatic ? {} : { canceledAt: null, cancelReason: null, cancelNote: null }),
        ...renewing,
        updatedAt: now,
      });
      await repo.updatePurchase(tx.db, purchase.id, { status: 'settled', periodStart: current.currentPeriodEnd, periodEnd: end, settledAt: now });
      activity =
        purchase.kind === 'comp' || purchase.kind === 'gift'
          ? { fanId: purchase.fanId, kind: 'membership_granted', data: period, at: now }
          : { fanId: purchase.fanId, kind: 'membership_renewed', data: { ...period, automatic: Boolean(opts.automatic) }, at: now };
    } else {
      const end = addMonths(now, purchase.months);
      const fields = {
        tierId: tier.id,
        status: 'active' as const,
        currentPeriodStart: now,
        currentPeriodEnd: end,
        renewingPaymentId: null,
        renewalMonths: null,
        ...renewing,
        canceledAt: null,
        cancelReason: null,
        cancelNote: null,
        expiredAt: null,
        updatedAt: now,
      };
      const upgrading = live(current, now);
      // A subscription for the tier left behind stops renewing.
      if (upgrading && current.renewingPaymentId && current.renewingPaymentId !== purchase.paymentId)
        await payments.cancelRecurring(tx, current.renewingPaymentId);
      if (current) {
        membership = await repo.updateMembership(tx.db, current.id, { ...fields, startedAt: upgrading ? current.startedAt : now });
      } else {
        membership = await repo.insertMembership(tx.db, { id: newId(), fanId: purchase.fanId, ...fields, startedAt: now, createdAt: now });
      }
      await repo.updatePurchase(tx.db, purchase.id, { status: 'settled', periodStart: now, periodEnd: end, settledAt: now });
      if (purchase.kind === 'comp' || purchase.kind === 'gift') activity = { fanId: purchase.fanId, kind: 'membership_granted', data: period, at: now };
      else if (upgrading) {
        const from = await tierOf(tx, current.tierId);
        activity = { fanId: purchase.fanId, kind: 'membership_upgraded', data: { ...period, fromTierId: from.id, fromTier: from.name }, at: now };
      } else activity = { fanId: purchase.fanId, kind: 'membership_joined', data: period, at: now };
    }
    if (purchase.offerId) await repo.countRedemption(tx.db, purchase.offerId);
    await timeline.record(tx, activity);
    await scheduleFor(tx, membership);
    return membership;
  }

  /** A purchase's whole period given back (its payment fully refunded): the membership loses that much time. */
  async function takeBack(tx: Ctx, purchase: PurchaseRow, amountMinor: number) {
    const now = tx.now();
    await repo.updatePurchase(tx.db, purchase.id, { refundedAt: now });
    const m = await repo.lockByFan(tx.db, purchase.fanId);
    const tier = await tierOf(tx, purchase.tierId);
    await timeline.record(tx, {
      fanId: purchase.fanId,
      kind: 'membership_refunded',
      data: { tierId: tier.id, tier: tier.name, amountMinor, currency: purchase.currency },
      at: now,
    });
    if (!live(m, now) || m.tierId !== purchase.tierId || !purchase.periodStart || !purchase.periodEnd) return;
    const length = purchase.periodEnd.getTime() - purchase.periodStart.getTime();
    const end = new Date(Math.max(now.getTime(), m.currentPeriodEnd.getTime() - length));
    if (end.getTime() <= now.getTime()) {
      if (m.renewingPaymentId) await payments.cancelRecurring(tx, m.renewingPaymentId);
      await repo.updateMembership(tx.db, m.id, {
        status: 'expired',
        currentPeriodEnd: new Date(Math.max(now.getTime(), m.currentPeriodStart.getTime() + 1)),
        renewingPaymentId: null,
        expiredAt: now,
        updatedAt: now,
      });
      await timeline.record(tx, { fanId: m.fanId, kind: 'membership_expired', data: { tierId: tier.id, tier: tier.name }, at: now });
    } else {
      await scheduleFor(tx, await repo.updateMembership(tx.db, m.id, { currentPeriodEnd: end, updatedAt: now }));
    }
  }

  /** What the payments module tells memberships, inside the transaction that records it. */

  return { tierOf, scheduleExpiry, scheduleFor, settle, takeBack };
}
export type Settlement = ReturnType<typeof createSettlement>;
