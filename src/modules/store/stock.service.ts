import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { stockRepository, StockMove } from './stock.repository.ts';

export type { StockMove } from './stock.repository.ts';

/** Adds up moves of the same variant, so each variant is moved once per statement. */
export function mergeMoves(moves: StockMove[]): StockMove[] {
  const byVariant = new Map<string, number>();
  for (const m of moves) {
    if (!Number.isInteger(m.quantity) || m.quantity <= 0) throw new RangeError(`stock move quantity must be a positive integer, got ${m.quantity}`);
    byVariant.set(m.variantId, (byVariant.get(m.variantId) ?? 0) + m.quantity);
  }
  return [...byVariant].map(([variantId, quantity]) => ({ variantId, quantity }));
}

/**
 * The store's stock as other modules move it (orders, the festival): hold units for a checkout
 * or a festival's quota, give them back, sell them. No access check here: callers are services
 * that checked theirs, and every call runs inside their transaction (`ctx.db`).
 */
export function createStockService(deps: { repo: typeof stockRepository }) {
  const { repo } = deps;
  return {
    /**
     * Holds every move or none: when one variant lacks the units (or is not on sale) it throws
     * 409 `store.out_of_stock` naming the first such SKU and what is left, and the caller's
     * transaction must roll back (the holds already made in this call are undone with it).
     */
    async hold(ctx: Ctx, moves: StockMove[]): Promise<void> {
      const merged = mergeMoves(moves);
      const held = await repo.hold(ctx.db, merged);
      if (held.length === merged.length) return;
      const got = new Set(held.map((h) => h.variantId));
      const short = merged.filter((m) => !got.has(m.variantId));
      const stock = await repo.available(
        ctx.db,
        short.map((m) => m.variantId),
      );
      const first = stock[0];
      throw new AppError('store.out_of_stock', { sku: first?.sku ?? '', available: Math.max(0, first?.available ?? 0) });
    },
    /** Gives held units back; a variant already released (a second expiry) is left alone. */
    async release(ctx: Ctx, moves: StockMove[]): Promise<void> {
      await repo.release(ctx.db, mergeMoves(moves));
    },
    /** The held units were paid for: they leave the stock. */
    async sell(ctx: Ctx, moves: StockMove[]): Promise<void> {
      await repo.sell(ctx.db, mergeMoves(moves));
    },
  };
}
export type StockService = ReturnType<typeof createStockService>;
