import type { Ctx } from '../../core/context.ts';

/** A store variant as the festival reads it: what it is, its list price, stock and whether fans can buy it. */
export type CatalogueVariant = {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  currency: string;
  /** Stock less what checkouts and festivals hold. */
  available: number;
  /** Active, not archived, on a published product: what `stock.hold` takes. */
  onSale: boolean;
  product: { id: string; title: string; slug: string; image: { url: string; alt: string } | null };
};

/** What the festival asks the store (wired in src/container.ts): variants by id. */
export type FestivalCatalogue = {
  variants(ctx: Ctx, ids: string[]): Promise<Map<string, CatalogueVariant>>;
};

/**
 * What the festival asks memberships (wired in src/container.ts, as the store asks for the held
 * tier): the reader's early access, and the longest any tier on offer gives (when the sale first
 * opens). Read at every request, so a lapsed membership applies at once.
 */
export type FestivalMembership = {
  /** Minutes of the `early_access` perk of the tier the signed-in fan holds now; 0 for anyone else. */
  earlyAccessMinutes(ctx: Ctx): Promise<number>;
  /** The longest `early_access` of any tier on offer (0 when none has the perk). */
  longestEarlyAccessMinutes(ctx: Ctx): Promise<number>;
};

type WithPerks = { perks: ReadonlyArray<{ kind: string; minutes?: number }> };
/** A tier's early-access minutes (0 without the perk). */
export const earlyAccessOf = (tier: WithPerks | null | undefined): number => {
  const perk = tier?.perks.find((p) => p.kind === 'early_access');
  return perk?.minutes ?? 0;
};
