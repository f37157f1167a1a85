import { randomBytes } from 'node:crypto';
import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { MembershipsRepository, OfferRow } from './memberships.repository.ts';
import type { OfferInput } from './memberships.schemas.ts';
import type { TiersService } from './tiers.service.ts';

/** A checkout with an offer holds its place under the cap this long while its payment is pending. */
export const OFFER_HOLD_MS = 30 * 60_000;

/**
 * Offers: a discounted first period through a link, for new members, until an end date and at
 * most so many times. Redemptions count when a purchase with the offer settles; a checkout
 * waiting for its payment holds a place for half an hour, so a cap is not passed by fans paying
 * at the same moment.
 */
export function createOffersService(deps: { repo: MembershipsRepository; tiers: TiersService; publicBaseUrl: string }) {
  const { repo, tiers } = deps;

  const toDto = async (ctx: Ctx, o: OfferRow) => {
    const tier = await tiers.row(ctx, o.tierId);
    return {
      id: o.id,
      code: o.code,
      url: `${deps.publicBaseUrl}/membership?offer=${o.code}`,
      tier: { id: tier.id, name: tier.name },
      interval: o.months === 12 ? ('year' as const) : ('month' as const),
      priceMinor: o.priceMinor,
      regularPriceMinor: o.months === 12 ? tier.yearlyPriceMinor : tier.monthlyPriceMinor,
      currency: tier.currency,
      endsAt: o.endsAt.toISOString(),
      maxRedemptions: o.maxRedemptions,
      redemptions: o.redemptions,
      createdAt: o.createdAt.toISOString(),
    };
  };

  /** Places left: the cap less redemptions and checkouts holding a place. */
  const left = async (ctx: Ctx, o: OfferRow) =>
    o.maxRedemptions - o.redemptions - (await repo.offerHeld(ctx.db, o.id, new Date(ctx.now().getTime() - OFFER_HOLD_MS)));

  return {
    async create(ctx: Ctx, input: OfferInput) {
      requireStaff(ctx);
      const tier = await tiers.row(ctx, input.tierId);
      if (tier.status !== 'active') throw new AppError('membership.tier_archived');
      const code = input.code ?? randomBytes(6).toString('base64url');
      if (await repo.findOfferByCode(ctx.db, code)) throw new AppError('membership.offer_code_taken', { code });
      const row = await repo.insertOffer(ctx.db, {
        id: newId(),
        code,
        tierId: tier.id,
        months: input.interval === 'year' ? 12 : 1,
        priceMinor: input.priceMinor,
        endsAt: new Date(input.endsAt),
        maxRedemptions: input.maxRedemptions,
        createdAt: ctx.now(),
      });
      return toDto(ctx, row);
    },

    async list(ctx: Ctx) {
      requireStaff(ctx);
      return Promise.all((await repo.listOffers(ctx.db)).map((o) => toDto(ctx, o)));
    },

    /** Ends an offer now (its link then says it has ended). */
    async end(ctx: Ctx, id: string) {
      requireStaff(ctx);
      const row = await repo.updateOffer(ctx.db, id, { endsAt: ctx.now() });
      if (!row) throw new AppError('membership.offer_not_found');
      return toDto(ctx, row);
    },

    /** What an offer link shows anyone: the tier, the price, until when, places left. */
    async byCode(ctx: Ctx, code: string) {
      const o = await repo.findOfferByCode(ctx.db, code);
      if (!o) throw new AppError('membership.offer_not_found');
      const dto = await toDto(ctx, o);
      return {
        code: dto.code,
        tier: dto.tier,
        interval: dto.interval,
        priceMinor: dto.priceMinor,
        regularPriceMinor: dto.regularPriceMinor,
        currency: dto.currency,
        endsAt: dto.endsAt,
        placesLeft: Math.max(0, await left(ctx, o)),
        ended: o.endsAt <= ctx.now(),
      };
    },

    /**
     * The offer a checkout uses, checked: still running, places left, for this tier and period,
     * for a fan who is not a member and has not used it. Answers its id and price. Call it in the
     * transaction that inserts the purchase: the offer stays locked until then.
     */
    async forCheckout(ctx: Ctx, code: string, fanId: string, choice: { tierId: string; months: number }) {
      const o = await repo.lockOfferByCode(ctx.db, code);
      if (!o) throw new AppError('membership.offer_not_found');
      if (o.endsAt <= ctx.now()) throw new AppError('membership.offer_ended', { endedAt: o.endsAt.toISOString() });
      if (o.tierId !== choice.tierId || o.months !== choice.months) throw new AppError('membership.offer_mismatch');
      if (await repo.offerUsedBy(ctx.db, o.id, fanId)) throw new AppError('membership.offer_used');
      if ((await left(ctx, o)) <= 0) throw new AppError('membership.offer_exhausted');
      return { offerId: o.id, priceMinor: o.priceMinor };
    },
  };
}
export type OffersService = ReturnType<typeof createOffersService>;
