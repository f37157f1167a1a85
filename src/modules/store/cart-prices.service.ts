import type { Ctx } from '../../core/context.ts';
import { memberPriceMinor, readerDiscounts, type StoreMembership } from './store-pricing.ts';
import type { SaleableVariantRow, StoreRepository } from './store.repository.ts';

/** A variant priced for the reader: `unitPriceMinor` is the member price when their tier has the store discount. */
export type PricedVariant = SaleableVariantRow & { unitPriceMinor: number };
export type ReaderDiscount = { tierName: string; percent: number } | null;

/**
 * What carts and checkouts pay for variants: the store page's own pricing (`memberPriceMinor`
 * with the signed-in fan's discount, read now), so a cart never shows another price than the
 * product page. Any state is answered: `onSale` says whether fans can buy it now.
 */
export function createCartPricesService(deps: { repo: StoreRepository; membership: StoreMembership }) {
  const { repo, membership } = deps;
  return {
    /** Cost: one query for the variants, the membership port's one to three. */
    async forReader(ctx: Ctx, variantIds: string[]): Promise<{ variants: PricedVariant[]; discount: ReaderDiscount }> {
      const [rows, { own }] = await Promise.all([repo.saleable(ctx.db, variantIds), readerDiscounts(ctx, membership)]);
      return {
        variants: rows.map((r) => ({ ...r, unitPriceMinor: own ? memberPriceMinor(r.priceMinor, own.percent) : r.priceMinor })),
        discount: own ? { tierName: own.tier.name, percent: own.percent } : null,
      };
    },
  };
}
export type CartPricesService = ReturnType<typeof createCartPricesService>;
