import { requireFan } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { PaymentsService, SettledEvent } from '../payments/payments.service.ts';
import { live, type Settlement } from './membership-settlement.ts';
import type { GiftRow, MembershipsRepository } from './memberships.repository.ts';
import type { GiftInput } from './memberships.schemas.ts';
import type { TiersService } from './tiers.service.ts';

/** A gift's payments carry this reference, beside the plain purchase ids of a fan's own periods. */
export const GIFT_REFERENCE = 'gift:';

/**
 * Gift memberships: a fan pays for a period of a tier for someone else's email; once paid, the
 * fan signed in with that email (on sign-up or sign-in) claims it, once. Refunded before it is
 * claimed, it cannot be claimed; after, the period is taken back.
 */
export function createGiftsService(deps: {
  repo: MembershipsRepository;
  tiers: TiersService;
  payments: PaymentsService;
  fans: FansService;
  settlement: Settlement;
}) {
  const { repo, tiers, payments, fans, settlement } = deps;

  const toDto = async (ctx: Ctx, g: GiftRow) => {
    const tier = await tiers.row(ctx, g.tierId);
    return {
      id: g.id,
      tier: { id: tier.id, name: tier.name },
      months: g.months,
      amountMinor: g.amountMinor,
      currency: g.currency,
      recipientEmail: g.recipientEmail,
      message: g.message,
      status: g.status,
      claimedAt: g.claimedAt?.toISOString() ?? null,
      createdAt: g.createdAt.toISOString(),
    };
  };

  /** The payments module's word on a gift's payment, inside its transaction. */
  async function onPayment(tx: Ctx, event: SettledEvent) {
    const gift = await repo.lockGift(tx.db, event.payment.referenceId.slice(GIFT_REFERENCE.length));
    if (!gift) return;
    if (event.kind === 'paid' && gift.status === 'pending') await repo.updateGift(tx.db, gift.id, { status: 'paid' });
    if (event.kind === 'refunded' && event.payment.status === 'refunded') {
      if (gift.status === 'paid') await repo.updateGift(tx.db, gift.id, { status: 'refunded' });
      if (gift.status === 'claimed') {
        const claimed = await repo.lockPurchaseByGift(tx.db, gift.id);
        if (claimed && !claimed.refundedAt) await settlement.takeBack(tx, claimed, gift.amountMinor);
        await repo.updateGift(tx.db, gift.id, { status: 'refunded' });
      }
    }
  }

  return {
    onPayment,

    /** A fan buys a period for someone else's email: the gift and what to do next to pay. */
    async buy(ctx: Ctx, input: GiftInput) {
      const fanId = requireFan(ctx);
      const me = await fans.me(ctx);
      if (me.email === input.recipientEmail) throw new AppError('membership.gift_to_self');
      const tier = await tiers.row(ctx, input.tierId);
      if (tier.status !== 'active') throw new AppError('membership.tier_archived');
      const months = input.interval === 'year' ? 12 : 1;
      const gift = await repo.insertGift(ctx.db, {
        id: newId(),
        purchaserFanId: fanId,
        recipientEmail: input.recipientEmail,
        tierId: tier.id,
        months,
        amountMinor: months === 12 ? tier.yearlyPriceMinor : tier.monthlyPriceMinor,
        currency: tier.currency,
        message: input.message || null,
        createdAt: ctx.now(),
      });
      try {
        const { payment, action } = await payments.create(ctx, {
          fanId,
          referenceType: 'membership',
          channel: 'membership',
          referenceId: `${GIFT_REFERENCE}${gift.id}`,
          description: `Gift: ${tier.name} membership, ${months === 12 ? '1 year' : '1 month'}`,
          amountMinor: gift.amountMinor,
          currency: gift.currency,
          returnUrl: `/membership?gift=${gift.id}`,
        });
        const paid = await repo.updateGift(ctx.db, gift.id, { paymentId: payment.id });
        return { gift: await toDto(ctx, paid), action, testMode: payment.testMode };
      } catch (err) {
        await repo.updateGift(ctx.db, gift.id, { status: 'void' });
        throw err;
      }
    },

    /** Gifts waiting for the signed-in fan's email, and the ones they gave. */
    async mine(ctx: Ctx) {
      const fanId = requireFan(ctx);
      const me = await fans.me(ctx);
      const [received, sent] = await Promise.all([repo.giftsFor(ctx.db, me.email), repo.giftsBy(ctx.db, fanId)]);
      return { received: await Promise.all(received.map((g) => toDto(ctx, g))), sent: await Promise.all(sent.map((g) => toDto(ctx, g))) };
    },

    /** One gift the fan gave (the page waits on its payment) or was given; any other is not found. */
    async get(ctx: Ctx, id: string) {
      const fanId = requireFan(ctx);
      const gift = await repo.findGift(ctx.db, id);
      const me = await fans.me(ctx);
      if (!gift || (gift.purchaserFanId !== fanId && gift.recipientEmail !== me.email)) throw new AppError('membership.gift_not_found');
      return toDto(ctx, gift);
    },

    /** The fan signed in with the gift's email claims it, once; it starts (or extends) their membership. */
    async claim(ctx: Ctx, id: string) {
      const fanId = requireFan(ctx);
      const me = await fans.me(ctx);
      return inTransaction(ctx, async (tx) => {
        const gift = await repo.lockGift(tx.db, id);
        if (!gift || gift.recipientEmail !== me.email) throw new AppError('membership.gift_not_found');
        if (gift.status === 'claimed') throw new AppError('membership.gift_claimed');
        if (gift.status !== 'paid') throw new AppError('membership.gift_not_claimable', { status: gift.status });
        const current = await repo.lockByFan(tx.db, fanId);
        if (live(current, tx.now()) && current.tierId !== gift.tierId) {
          const held = await tiers.row(tx, current.tierId);
          throw new AppError('membership.tier_conflict', { tier: held.name, endsAt: current.currentPeriodEnd.toISOString() });
        }
        const purchase = await repo.insertPurchase(tx.db, {
          id: newId(),
          fanId,
          tierId: gift.tierId,
          kind: 'gift',
          months: gift.months,
          amountMinor: 0,
          currency: gift.currency,
          giftId: gift.id,
          note: gift.message,
          createdAt: tx.now(),
        });
        await settlement.settle(tx, purchase);
        return toDto(tx, await repo.updateGift(tx.db, gift.id, { status: 'claimed', claimedByFanId: fanId, claimedAt: tx.now() }));
      });
    },
  };
}
export type GiftsService = ReturnType<typeof createGiftsService>;
