import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { storeProducts, storeVariants } from './store.table.ts';

/** Units of one variant that a checkout or a festival holds, sells or gives back. */
export type StockMove = { variantId: string; quantity: number };
export type HeldVariant = { variantId: string; available: number };
export type VariantStock = { variantId: string; sku: string; available: number };

const movesJson = (moves: StockMove[]) => JSON.stringify(moves.map((m) => ({ id: m.variantId, q: m.quantity })));

/**
 * Stock moves on `store_variants`, each one statement for any number of variants. A hold is a
 * conditional UPDATE (`stock - reserved >= q`), so two checkouts for the last unit can never both
 * get it, and the table's check (0 ≤ reserved ≤ stock) refuses what a bug would let through.
 * Callers run them in their transaction and give each variant once per call.
 */
export const stockRepository = {
  /**
   * Holds the units where enough are available on a variant fans can buy (active, not archived,
   * product published); answers the variants it held. Fewer answered than asked: roll back.
   */
  async hold(db: Db, moves: StockMove[]): Promise<HeldVariant[]> {
    if (moves.length === 0) return [];
    const res = await db.execute(sql`
      update ${storeVariants} v set reserved = v.reserved + m.q, updated_at = now()
      from jsonb_to_recordset(${movesJson(moves)}::jsonb) as m(id uuid, q int), ${storeProducts} p
      where v.id = m.id and p.id = v.product_id and p.status = 'published'
        and v.active and v.archived_at is null and v.stock - v.reserved >= m.q
      returning v.id, v.stock - v.reserved as available`);
    return rowsOf<{ id: string; available: number }>(res).map((r) => ({ variantId: r.id, available: Number(r.available) }));
  },
  /** Gives held units back (an unpaid order expired or was canceled); answers the variants moved. */
  async release(db: Db, moves: StockMove[]): Promise<number> {
    if (moves.length === 0) return 0;
    const res = await db.execute(sql`
      update ${storeVariants} v set reserved = v.reserved - m.q, updated_at = now()
      from jsonb_to_recordset(${movesJson(moves)}::jsonb) as m(id uuid, q int)
      where v.id = m.id and v.reserved >= m.q
      returning v.id`);
    return rowsOf(res).length;
  },
  /** Held units are sold (their order was paid): they leave both the stock and the hold. */
  async sell(db: Db, moves: StockMove[]): Promise<number> {
    if (moves.length === 0) return 0;
    const res = await db.execute(sql`
      update ${storeVariants} v set stock = v.stock - m.q, reserved = v.reserved - m.q, updated_at = now()
      from jsonb_to_recordset(${movesJson(moves)}::jsonb) as m(id uuid, q int)
      where v.id = m.id and v.reserved >= m.q
      returning v.id`);
    return rowsOf(res).length;
  },
  /** What is available now on each variant (stock less held), with its SKU: for a refusal's message. */
  async available(db: Db, variantIds: string[]): Promise<VariantStock[]> {
    if (variantIds.length === 0) return [];
    const res = await db.execute(sql`
      select v.id, v.sku, v.stock - v.reserved as available from ${storeVariants} v
      where v.id in (select (jsonb_array_elements_text(${JSON.stringify(variantIds)}::jsonb))::uuid)`);
    return rowsOf<{ id: string; sku: string; available: number }>(res).map((r) => ({ variantId: r.id, sku: r.sku, available: Number(r.available) }));
  },
};
