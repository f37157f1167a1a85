import type { Ctx } from '../../core/context.ts';
import type { TierDto } from '../memberships/memberships.schemas.ts';

/** A membership tier as the store reads it: its name, rank and perks (the store discount among them). */
export type MemberTier = Pick<TierDto, 'id' | 'name' | 'rank' | 'perks'>;

/**
 * What the store asks memberships (wired in the container, as articles ask for ranks): the tier
 * the signed-in fan holds now, and the tiers on offer. Read at every request, so a lapsed
 * membership or a changed perk applies at once.
 */
export type StoreMembership = {
  /** The tier the signed-in fan holds now; null for a visitor, staff, or a fan who is not a member. */
  heldTier(ctx: Ctx): Promise<MemberTier | null>;
  /** The tiers fans can buy now. */
  offeredTiers(ctx: Ctx): Promise<MemberTier[]>;
};

/** A tier's store discount. */
export type TierDiscount = { tier: { id: string; name: string }; rank: number; percent: number };

/** The tier's `store_discount` perk, if it has one. */
export function discountOf(tier: MemberTier): TierDiscount | null {
  const perk = tier.perks.find((p) => p.kind === 'store_discount');
  return perk && perk.kind === 'store_discount' ? { tier: { id: tier.id, name: tier.name }, rank: tier.rank, percent: perk.percent } : null;
}

/**
 * The member price: the list price less the percent, **rounded down to the minor unit** (a
 * member never pays more than the percent promises; ¥9.99 at 15 % off is ¥8.49), and never
 * below one minor unit. Exact for every price the database holds (computed on integers, not
 * doubles). Checkout must price lines with this same function.
 */
export function memberPriceMinor(listMinor: number, percent: number): number {
  const discounted = Number((BigInt(listMinor) * BigInt(100 - percent)) / 100n);
  return Math.max(1, discounted);
}

/**
 * The discounts one reader's prices are shown with: `own`, the signed-in member's (null for
 * visitors, non-members and tiers without the perk), and `hint`, the best discount a tier on
 * offer gives when it beats `own` (the largest percent; on a tie, the lowest-ranked tier):
 * "Gold members pay ¥X".
 */
export type ReaderDiscounts = { own: TierDiscount | null; hint: TierDiscount | null };

/** Cost: the offered tiers (one query) and, for a signed-in fan, their membership (one or two). */
export async function readerDiscounts(ctx: Ctx, membership: StoreMembership): Promise<ReaderDiscounts> {
  const [held, offered] = await Promise.all([membership.heldTier(ctx), membership.offeredTiers(ctx)]);
  const own = held ? discountOf(held) : null;
  let hint: TierDiscount | null = null;
  for (const d of offered.map(discountOf)) {
    if (!d || d.percent <= (own?.percent ?? 0)) continue;
    if (!hint || d.percent > hint.percent || (d.percent === hint.percent && d.rank < hint.rank)) hint = d;
  }
  return { own, hint };
}
