import type { Ctx } from '../../core/context.ts';
import type { CartPricesService, PricedVariant } from '../store/cart-prices.service.ts';
import type { CartLineRow } from './orders.repository.ts';
import type { CartDto } from './orders.schemas.ts';

export type CartLineProblem = 'unavailable' | 'short' | 'currency';
/** A cart line priced for its fan now, with its variant as the store has it. */
export type PricedLine = CartDto['lines'][number] & { variant: PricedVariant | undefined };
export type PricedCart = { dto: CartDto; lines: PricedLine[] };

/**
 * The cart as its fan would pay for it now: each line at the member price the store page shows
 * (`memberPriceMinor` with the fan's own discount), and what stops it being bought. Cost: one
 * query for the variants, the membership port's one to three.
 */
export async function priceCart(ctx: Ctx, deps: { prices: CartPricesService }, rows: CartLineRow[]): Promise<PricedCart> {
  const { variants, discount: own } = await deps.prices.forReader(
    ctx,
    rows.map((r) => r.variantId),
  );
  const byId = new Map(variants.map((v) => [v.variantId, v]));
  const currency = rows.length ? (byId.get(rows[0]!.variantId)?.currency ?? null) : null;
  const lines: PricedLine[] = rows.map((r) => {
    const v = byId.get(r.variantId);
    const list = v?.priceMinor ?? 0;
    const unit = v?.unitPriceMinor ?? list;
    let problem: CartLineProblem | null = null;
    if (!v || !v.onSale) problem = 'unavailable';
    else if (currency && v.currency !== currency) problem = 'currency';
    else if (r.quantity > v.available) problem = 'short';
    return {
      variantId: r.variantId,
      productId: v?.productId ?? r.variantId,
      productSlug: v?.productSlug ?? '',
      productTitle: v?.productTitle ?? '',
      variantName: v?.variantName ?? '',
      sku: v?.sku ?? '',
      image: v?.image ?? null,
      quantity: r.quantity,
      available: v?.onSale ? v.available : 0,
      listPriceMinor: list,
      unitPriceMinor: unit,
      lineTotalMinor: unit * r.quantity,
      currency: v?.currency ?? currency ?? '',
      problem,
      variant: v,
    };
  });
  // Totals in the cart's currency: a line in another one cannot be added to them.
  const counted = lines.filter((l) => l.problem !== 'currency');
  const subtotalMinor = counted.reduce((n, l) => n + l.listPriceMinor * l.quantity, 0);
  const totalMinor = counted.reduce((n, l) => n + l.lineTotalMinor, 0);
  const dto: CartDto = {
    lines: lines.map(({ variant: _variant, ...line }) => line),
    currency,
    subtotalMinor,
    discountMinor: subtotalMinor - totalMinor,
    totalMinor,
    discount: own && subtotalMinor > totalMinor ? own : null,
    count: lines.reduce((n, l) => n + l.quantity, 0),
    canCheckout: lines.length > 0 && lines.every((l) => l.problem === null),
  };
  return { dto, lines };
}
