import { z } from 'zod';
import { requireFan, requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page } from '../../core/pagination.ts';
import { batchedReads } from '../../platform/batching/batched-reads.ts';
import type { PaymentsService, SettledEvent } from '../payments/payments.service.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import { upgradeCredit } from './membership-periods.ts';
import { RENEWAL_GRACE_DAYS, type MembershipRow, type MembershipsRepository, type PurchaseRow, type TierRow } from './memberships.repository.ts';
import {
  toMembershipDto,
  toPurchaseDto,
  type CancelInput,
  type CheckoutInput,
  type CompInput,
  type MembershipDto,
  type MembershipListQuery,
  type PurchaseDto,
} from './memberships.schemas.ts';
import type { PurchaseKind } from './memberships.table.ts';
import type { TiersService } from './tiers.service.ts';
import { live, type Settlement } from './membership-settlement.ts';
import { GIFT_REFERENCE, type GiftsService } from './gifts.service.ts';
import type { OffersService } from './offers.service.ts';

export { MEMBERSHIP_EXPIRE_JOB, MEMBERSHIP_REMIND_JOB, REMINDER_DAYS_BEFORE, type MembershipScheduler } from './membership-settlement.ts';

const purchaseId = z.uuid();
const iso = (d: Date) => d.toISOString();

/**
 * Paid memberships: a fan buys a period of a tier (prepaid, or renewing by itself where the
 * provider offers it) and is a member from the moment the verified payment settles, in the same
 * transaction; periods stack; an upgrade credits the unused time; staff grant and refund periods.
 * Expiry runs on time from the job queue and from a sweep, and moves each membership once.
 */
export function createMembershipsService(deps: {
  repo: MembershipsRepository;
  tiers: TiersService;
  payments: PaymentsService;
  timeline: TimelineService;
  fans: FansService;
  settlement: Settlement;
  offers: OffersService;
  gifts: GiftsService;
}) {
  const { repo, tiers, payments, timeline, fans, settlement, offers, gifts } = deps;
  const { tierOf, scheduleExpiry, scheduleFor, settle, takeBack } = settlement;

  async function onPayment(tx: Ctx, event: SettledEvent) {
    if (event.payment.referenceId.startsWith(GIFT_REFERENCE)) return gifts.onPayment(tx, event);
    // A membership payment's reference is its purchase; anything else was not made here.
    if (!purchaseId.safeParse(event.payment.referenceId).success) return;
    if (event.kind === 'paid') {
      const purchase = await repo.lockPurchase(tx.db, event.payment.referenceId);
      if (!purchase || purchase.status !== 'pending') return;
      await settle(tx, purchase);
      return;
    }
    if (event.kind === 'renewed') {
      const first = await repo.lockPurchase(tx.db, event.first.referenceId);
      if (!first) return;
      const renewal = await repo.insertPurchase(tx.db, {
        id: newId(),
        fanId: first.fanId,
        tierId: first.tierId,
        kind: 'renewal',
        months: event.first.recurringMonths ?? first.months,
        amountMinor: event.payment.amountMinor,
        currency: event.payment.currency,
        autoRenew: true,
        paymentId: event.payment.id,
        status: 'pending',
        createdAt: tx.now(),
      });
      // The membership stays renewed by the subscription's first payment.
      await settle(tx, { ...renewal, paymentId: event.first.id }, { automatic: true });
      return;
    }
    const purchase = await repo.lockPurchaseByPayment(tx.db, event.payment.id);
    if (!purchase || purchase.status !== 'settled' || purchase.refundedAt) return;
    // A partial refund is a goodwill gesture: the period stays. A full one gives the period back.
    if (event.payment.status === 'refunded') await takeBack(tx, purchase, event.payment.amountMinor);
  }
  payments.onSettled('membership', onPayment);

  async function purchaseDtos(ctx: Ctx, rows: PurchaseRow[]): Promise<PurchaseDto[]> {
    const names = await tiers.names(ctx, [...new Set(rows.map((r) => r.tierId))]);
    return rows.map((r) => toPurchaseDto(r, names.get(r.tierId) ?? ''));
  }
  async function membershipDto(ctx: Ctx, m: MembershipRow | undefined): Promise<MembershipDto | null> {
    return m ? toMembershipDto(m, await tierOf(ctx, m.tierId)) : null;
  }

  // Fans' memberships asked for in the same tick are read in one statement (a festival's opening second).
  const membershipOf = batchedReads(async (db, fanIds: readonly string[]) => new Map((await repo.findByFans(db, fanIds)).map((m) => [m.fanId, m])));

  async function heldTier(ctx: Ctx): Promise<TierRow | null> {
    if (ctx.actor.kind !== 'fan') return null;
    const m = await membershipOf(ctx.db, ctx.actor.fanId);
    if (!m || !(m.status === 'past_due' || live(m, ctx.now()))) return null;
    return tierOf(ctx, m.tierId);
  }

  return {
    /**
     * The rank of the tier the signed-in fan holds right now (0: not a member, or not a fan):
     * members-only content is shown when it is at least the content's tier's rank. A canceled
     * membership counts until its period ends; a past-due one during its grace days.
     */
    async rankOf(ctx: Ctx): Promise<number> {
      return (await heldTier(ctx))?.rank ?? 0;
    },

    /** The tier the signed-in fan holds right now, as rankOf counts it (the store reads its discount); null for anyone else. */
    heldTier,

    /** The revenue report's membership figures (MembershipMetricsSource): per UTC month, and why members canceled. */
    async metrics(ctx: Ctx, range: { from: Date; to: Date; currency: string }) {
      requireStaff(ctx);
      const [months, reasons] = await Promise.all([repo.monthlyFigures(ctx.db, { ...range, now: ctx.now() }), repo.cancellationReasons(ctx.db, range)]);
      return { months, cancellationReasons: reasons.map((r) => ({ reason: r.reason ?? 'other', count: r.count })) };
    },

    /** The fan's membership (null when never a member) and receipts. */
    async mine(ctx: Ctx) {
      const fanId = requireFan(ctx);
      const [m, purchases] = await Promise.all([repo.findByFan(ctx.db, fanId), repo.purchasesOf(ctx.db, fanId)]);
      return {
        membership: await membershipDto(ctx, m),
        purchases: await purchaseDtos(
          ctx,
          purchases.filter((p) => p.status === 'settled'),
        ),
      };
    },

    /**
     * The fan chooses a tier and period: a purchase and its payment (what to do next), priced
     * now. The same tier while a member renews (stacked after the current period); a higher tier
     * upgrades now with the unused time credited; a lower one waits for the period to end.
     */
    async checkout(ctx: Ctx, input: CheckoutInput) {
      const fanId = requireFan(ctx);
      const tier = await tierOf(ctx, input.tierId);
      if (tier.status !== 'active') throw new AppError('membership.tier_archived');
      const now = ctx.now();
      const months = input.interval === 'year' ? 12 : 1;
      const price = input.interval === 'year' ? tier.yearlyPriceMinor : tier.monthlyPriceMinor;
      const m = await repo.findByFan(ctx.db, fanId);
      let kind: PurchaseKind = 'join';
      let creditMinor = 0;
      if (live(m, now)) {
        const held = await tierOf(ctx, m.tierId);
        if (tier.id === held.id) {
          if (m.renewingPaymentId && m.status === 'active') throw new AppError('membership.renews_automatically');
          kind = 'renewal';
        } else if (tier.rank < held.rank) {
          throw new AppError('membership.downgrade_at_period_end', { endsAt: iso(m.currentPeriodEnd) });
        } else {
          kind = 'upgrade';
          creditMinor = Math.min(price, upgradeCredit(await repo.unusedPeriods(ctx.db, fanId, held.id, now), now));
        }
      }
      if (input.autoRenew && kind !== 'join') throw new AppError('membership.auto_renew_join_only');
      if (input.offerCode && kind !== 'join') throw new AppError('membership.offer_new_members_only');
      if (input.offerCode && input.autoRenew) throw new AppError('membership.offer_no_auto_renew');
      // With an offer, its places are counted and the purchase holds one, in one transaction.
      const purchase = await inTransaction(ctx, async (tx) => {
        const offer = input.offerCode ? await offers.forCheckout(tx, input.offerCode, fanId, { tierId: tier.id, months }) : undefined;
        return repo.insertPurchase(tx.db, {
          id: newId(),
          fanId,
          tierId: tier.id,
          kind,
          months,
          amountMinor: offer ? offer.priceMinor : price - creditMinor,
          currency: tier.currency,
          creditMinor,
          autoRenew: input.autoRenew,
          offerId: offer?.offerId ?? null,
          createdAt: now,
        });
      });
      // Fully covered by the credit: nothing to pay, the upgrade happens now.
      if (purchase.amountMinor === 0) {
        const settled = await inTransaction(ctx, async (tx) => {
          const locked = (await repo.lockPurchase(tx.db, purchase.id))!;
          await settle(tx, locked);
          return (await repo.findPurchase(tx.db, purchase.id))!;
        });
        return { purchase: toPurchaseDto(settled, tier.name), action: null, testMode: false };
      }
      const periodName = months === 12 ? '1 year' : '1 month';
      try {
        const { payment, action } = await payments.create(ctx, {
          fanId,
          referenceType: 'membership',
          channel: 'membership',
          referenceId: purchase.id,
          description: `${tier.name} membership, ${periodName}`,
          amountMinor: purchase.amountMinor,
          currency: purchase.currency,
          // Relative: the built-in sandbox sends the fan back on this site; a provider that needs an absolute address makes one.
          returnUrl: `/membership?purchase=${purchase.id}`,
          ...(input.autoRenew ? { recurringMonths: months } : {}),
        });
        const withPayment = await repo.updatePurchase(ctx.db, purchase.id, { paymentId: payment.id });
        return { purchase: toPurchaseDto(withPayment, tier.name), action, testMode: payment.testMode };
      } catch (err) {
        await repo.updatePurchase(ctx.db, purchase.id, { status: 'void' });
        throw err;
      }
    },

    /** The fan's own purchase, which the membership page waits on once they have paid; another fan's is not found. */
    async purchaseStatus(ctx: Ctx, id: string) {
      const fanId = requireFan(ctx);
      const purchase = await repo.findPurchase(ctx.db, id);
      if (!purchase || purchase.fanId !== fanId) throw new AppError('membership.purchase_not_found');
      const payment = purchase.paymentId ? await payments.findById(ctx, purchase.paymentId) : undefined;
      const [dto] = await purchaseDtos(ctx, [purchase]);
      return { purchase: dto!, paymentStatus: payment?.status ?? null, membership: await membershipDto(ctx, await repo.findByFan(ctx.db, fanId)) };
    },

    /** The fan cancels: a member until the period ends, then expired; an automatic renewal stops. The reason is counted. */
    async cancel(ctx: Ctx, input: CancelInput): Promise<MembershipDto> {
      const fanId = requireFan(ctx);
      return inTransaction(ctx, async (tx) => {
        const now = tx.now();
        const m = await repo.lockByFan(tx.db, fanId);
        if (!m) throw new AppError('membership.not_member');
        if (!live(m, now) || m.status === 'canceled') throw new AppError('membership.not_cancelable', { status: m.status });
        if (m.renewingPaymentId) await payments.cancelRecurring(tx, m.renewingPaymentId);
        const tier = await tierOf(tx, m.tierId);
        const updated = await repo.updateMembership(tx.db, m.id, {
          status: 'canceled',
          renewingPaymentId: null,
          canceledAt: now,
          cancelReason: input.reason,
          cancelNote: input.note || null,
          updatedAt: now,
        });
        await timeline.record(tx, { fanId, kind: 'membership_canceled', data: { tierId: tier.id, tier: tier.name, reason: input.reason }, at: now });
        await scheduleFor(tx, updated);
        return toMembershipDto(updated, tier);
      });
    },

    /**
     * Every membership whose time is up moves on (expired, or past due while an automatic
     * renewal may still come in), each once however often this runs: the job at each period's
     * end and the sweep after a restart call it alike. Answers how many expired.
     */
    async expireDue(ctx: Ctx, membershipId?: string): Promise<number> {
      return inTransaction(ctx, async (tx) => {
        const moved = await repo.expireDue(tx.db, tx.now(), membershipId);
        if (moved.length === 0) return 0;
        const expired = moved.filter((m) => m.status === 'expired');
        const names = await tiers.names(tx, [...new Set(expired.map((m) => m.tierId))]);
        if (expired.length > 0)
          await timeline.recordMany(
            tx,
            expired.map((m) => ({
              fanId: m.fanId,
              kind: 'membership_expired' as const,
              data: { tierId: m.tierId, tier: names.get(m.tierId) ?? '' },
              at: tx.now(),
            })),
          );
        // Past due: expires when the grace days are over, unless the renewal comes in first.
        for (const m of moved.filter((x) => x.status === 'past_due')) {
          const row = await repo.findMembership(tx.db, m.id);
          if (row) await scheduleExpiry(tx, row, new Date(row.currentPeriodEnd.getTime() + RENEWAL_GRACE_DAYS * 86_400_000));
        }
        return expired.length;
      });
    },

    /** Records the renewal reminder of a prepaid period that is still the current one (once). */
    async remind(ctx: Ctx, membershipId: string, periodEnd: Date): Promise<boolean> {
      const m = await repo.findMembership(ctx.db, membershipId);
      if (!m || m.status !== 'active' || m.renewingPaymentId || m.currentPeriodEnd.getTime() !== periodEnd.getTime()) return false;
      return repo.recordReminder(ctx.db, { id: newId(), membershipId: m.id, fanId: m.fanId, periodEnd, createdAt: ctx.now() });
    },

    // Staff

    async list(ctx: Ctx, q: MembershipListQuery) {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, { status: q.status, tierId: q.tierId, limit: q.pageSize, offset: offsetOf(q) });
      const [fanMap, tierRows] = await Promise.all([
        fans.getMany(
          ctx,
          rows.map((r) => r.fanId),
        ),
        tiers.rows(ctx, [...new Set(rows.map((r) => r.tierId))]),
      ]);
      const items = rows.map((m) => {
        const fan = fanMap.get(m.fanId);
        return {
          ...toMembershipDto(m, tierRows.get(m.tierId)!),
          cancelNote: m.cancelNote,
          fan: { id: m.fanId, email: fan?.email ?? '', displayName: fan?.displayName ?? '' },
        };
      });
      return { items, total, page: q.page, pageSize: q.pageSize } satisfies Page<unknown>;
    },

    /** A fan's membership and every purchase (comps and pending ones too), for the fan's console page. */
    async ofFan(ctx: Ctx, fanId: string) {
      requireStaff(ctx);
      await fans.get(ctx, fanId);
      const [m, purchases] = await Promise.all([repo.findByFan(ctx.db, fanId), repo.purchasesOf(ctx.db, fanId)]);
      const dto = await membershipDto(ctx, m);
      const names = await tiers.names(ctx, [...new Set(purchases.map((p) => p.tierId))]);
      return {
        membership: dto && m ? { ...dto, cancelNote: m.cancelNote } : null,
        purchases: purchases.map((p) => ({ ...toPurchaseDto(p, names.get(p.tierId) ?? ''), note: p.note, grantedBy: p.grantedBy })),
      };
    },

    /** Staff grant a complimentary period (nothing to pay, nothing in the ledger). */
    async grant(ctx: Ctx, fanId: string, input: CompInput) {
      requireStaff(ctx);
      await fans.get(ctx, fanId);
      const tier = await tierOf(ctx, input.tierId);
      if (tier.status !== 'active') throw new AppError('membership.tier_archived');
      await inTransaction(ctx, async (tx) => {
        const now = tx.now();
        const m = await repo.lockByFan(tx.db, fanId);
        if (live(m, now) && m.tierId !== tier.id) {
          const held = await tierOf(tx, m.tierId);
          throw new AppError('membership.tier_conflict', { tier: held.name, endsAt: iso(m.currentPeriodEnd) });
        }
        const purchase = await repo.insertPurchase(tx.db, {
          id: newId(),
          fanId,
          tierId: tier.id,
          kind: 'comp',
          months: input.months,
          amountMinor: 0,
          currency: tier.currency,
          note: input.note || null,
          grantedBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : ctx.actor.kind,
          createdAt: now,
        });
        await settle(tx, purchase);
      });
      return this.ofFan(ctx, fanId);
    },

    /** Staff refund a bought period in full through its provider; the period is taken back once the refund is confirmed. */
    async refundPurchase(ctx: Ctx, purchaseId: string, reason?: string) {
      requireStaff(ctx);
      const purchase = await repo.findPurchase(ctx.db, purchaseId);
      if (!purchase) throw new AppError('membership.purchase_not_found');
      if (purchase.status !== 'settled' || !purchase.paymentId) throw new AppError('membership.purchase_not_refundable', { reason: 'nothing_paid' });
      if (purchase.refundedAt) throw new AppError('membership.purchase_not_refundable', { reason: 'already_refunded' });
      // Its unused time was credited to a later upgrade: refunding it too would pay that time back twice.
      const later = await repo.purchasesOf(ctx.db, purchase.fanId);
      if (
        later.some((p) => p.kind === 'upgrade' && p.status === 'settled' && p.creditMinor > 0 && p.createdAt > purchase.createdAt && p.tierId !== purchase.tierId)
      )
        throw new AppError('membership.purchase_not_refundable', { reason: 'credited_to_upgrade' });
      return payments.refund(ctx, purchase.paymentId, { all: true, reason: reason ?? '' });
    },
  };
}
export type MembershipsService = ReturnType<typeof createMembershipsService>;
