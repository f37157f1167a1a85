import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import type { WriterItem } from '../../src/modules/festival/order-writer.ts';

/** Fan g's id (1-based): written by SQL and named by the replay without a lookup. */
export const fanIdOf = (g: number) => `00000000-0000-4000-8000-${g.toString(16).padStart(12, '0')}`;
const fanIdSql = sql`('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid`;

/**
 * `n` fans, by SQL in chunks (their indexes the hot path never reads are dropped first: the
 * replay measures orders, and a trigram index over 15 M names would take longer than the replay).
 */
export async function writeFans(db: Db, n: number, onChunk: (done: number) => void): Promise<void> {
  await db.execute(sql`drop index if exists fans_search_trgm_idx, fans_status_idx, fans_first_follow_idx, fans_created_idx`);
  const CHUNK = 1_000_000;
  for (let from = 1; from <= n; from += CHUNK) {
    const to = Math.min(from + CHUNK - 1, n);
    await db.execute(sql`insert into fans (id, email, display_name, created_at)
      select ${fanIdSql}, 'f' || g || '@replay.test', 'Fan ' || g, now() from generate_series(${from}::int, ${to}::int) g`);
    onChunk(to);
  }
  await db.execute(sql`analyze fans`);
}

/**
 * A published festival open now with `items` items sharing `orders` units of quota (per-fan
 * limit 1), each on a variant of one published product whose stock the quotas hold: what the
 * console makes, written by SQL (the console caps a quota at 1,000,000). Answers the items as
 * the order writer takes them.
 */
export async function writeFestival(db: Db, orders: number, items: number): Promise<WriterItem[]> {
  const productId = '10000000-0000-4000-8000-000000000001';
  const festivalId = '20000000-0000-4000-8000-000000000001';
  const image = { url: 'https://img.example.com/phone.jpg', alt: 'Phone' };
  await db.execute(sql`insert into store_products (id, slug, title, images, status, published_at, created_at, updated_at)
    values (${productId}, 'mi-phone', 'Mi phone', ${JSON.stringify([image])}::jsonb, 'published', now(), now(), now())`);
  await db.execute(sql`insert into festivals (id, slug, name, starts_at, ends_at, status, created_at, updated_at)
    values (${festivalId}, 'rice-noodle-festival', 'Rice Noodle Festival', now() - interval '1 hour', now() + interval '11 hours', 'published', now(), now())`);
  const written: WriterItem[] = [];
  for (let i = 0; i < items; i++) {
    const quota = Math.floor(orders / items) + (i < orders % items ? 1 : 0);
    const variantId = `30000000-0000-4000-8000-00000000000${i}`;
    const itemId = `40000000-0000-4000-8000-00000000000${i}`;
    const sku = `mi-phone-${i}`;
    await db.execute(sql`insert into store_variants (id, product_id, sku, name, price_minor, currency, stock, reserved, created_at, updated_at)
      values (${variantId}, ${productId}, ${sku}, ${`Model ${i}`}, 199900, 'CNY', ${quota}, ${quota}, now(), now())`);
    await db.execute(sql`insert into festival_items (id, festival_id, variant_id, price_minor, currency, quota, per_fan_limit, position, created_at, updated_at)
      values (${itemId}, ${festivalId}, ${variantId}, 99900, 'CNY', ${quota}, 1, ${i}, now(), now())`);
    written.push({
      id: itemId,
      festivalId,
      perFanLimit: 1,
      priceMinor: 99_900,
      currency: 'CNY',
      variantId,
      listPriceMinor: 199_900,
      sku,
      variantName: `Model ${i}`,
      product: { id: productId, slug: 'mi-phone', title: 'Mi phone', image },
    });
  }
  return written;
}

/** The tables a festival order writes, children after parents (what the bare COPY reloads). */
export const ORDER_TABLES = ['orders', 'order_lines', 'fan_activities', 'festival_fan_units'] as const;
