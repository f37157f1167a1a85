/**
 * The festival benchmark's reference routes (bench:festival), added to `fanbase serve` by
 * bench-server.ts:
 *   POST /bench/festival/fans          N fans with a live session each, in two statements: their cookies (session and visitor)
 *   GET  /bench/festival/check/:itemId  units sold and ordered, orders, fans over the limit (read from the database)
 *   GET  /bench/festival/writer        the order writer's batches so far (count, orders, seconds, largest)
 *   POST /bench/festival/rowlock/:itemId the row-lock baseline: one attempt per request, one transaction
 *        each, holding the item's row (SELECT … FOR UPDATE) while it checks the quota and the fan's
 *        units and writes the same rows the order writer does (units, sold, order, line, activity)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../../src/container.ts';
import { inTransaction } from '../../src/core/context.ts';
import { hashSecret, newId } from '../../src/core/ids.ts';
import { runAsOneStatement } from '../../src/db/one-statement.ts';
import { festivalRepository } from '../../src/modules/festival/festival.repository.ts';
import { ordersRepository } from '../../src/modules/orders/orders.repository.ts';
import { FAN_COOKIE, VISITOR_COOKIE } from '../../src/server/plugins/auth.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

type ItemTerms = {
  quota: number;
  sold: number;
  per_fan_limit: number;
  price_minor: string;
  currency: string;
  variant_id: string;
  list_price_minor: string;
  sku: string;
  variant_name: string;
  product_id: string;
  product_slug: string;
  product_title: string;
  images: { url: string; alt: string }[];
};

export function festivalBenchRoutes(app: FastifyInstance, container: Container) {
  const { db } = container.database;
  const system = () => container.ctx({ kind: 'system' });

  app.post<{ Body: { n: number } }>('/bench/festival/fans', { schema: { hide: true } }, async (req) => {
    const n = Number(req.body.n);
    const run = randomBytes(4).toString('hex');
    const tokens = Array.from({ length: n }, () => randomBytes(24).toString('base64url'));
    const fans = rows<{ id: string; g: number }>(
      await db.execute(sql`insert into fans (id, email, display_name, created_at)
        select gen_random_uuid(), 'festival-' || ${run}::text || '-' || g || '@bench.test', 'Festival fan ' || g, now()
        from generate_series(1, ${n}::int) g
        returning id, (regexp_match(email, '-(\\d+)@'))[1]::int as g`),
    );
    const byG = new Map(fans.map((f) => [Number(f.g), f.id]));
    const sessions = tokens.map((t, i) => ({ token_hash: hashSecret(t), subject_id: byG.get(i + 1)! }));
    await db.execute(sql`insert into sessions (token_hash, kind, subject_id, expires_at)
      select token_hash, 'fan', subject_id, now() + interval '1 day'
      from jsonb_to_recordset(${JSON.stringify(sessions)}::jsonb) as r(token_hash text, subject_id uuid)`);
    // A browser keeps the visitor cookie the first attempt sets: each fan sends one.
    return tokens.map((t) => `${FAN_COOKIE}=${encodeURIComponent(app.signCookie(t))}; ${VISITOR_COOKIE}=${encodeURIComponent(app.signCookie(randomUUID()))}`);
  });

  app.get('/bench/festival/writer', { schema: { hide: true } }, async () => container.festivalWriter.stats());

  app.get<{ Params: { itemId: string } }>('/bench/festival/check/:itemId', { schema: { hide: true } }, async (req) => {
    const [r] = rows<Record<string, string | number | null>>(
      await db.execute(sql`select
        (select quota from festival_items where id = ${req.params.itemId}::uuid) as quota,
        (select sold from festival_items where id = ${req.params.itemId}::uuid) as sold,
        (select count(*) from orders where festival_item_id = ${req.params.itemId}::uuid and status <> 'canceled') as orders,
        (select coalesce(sum(l.quantity), 0) from orders o join order_lines l on l.order_id = o.id
          where o.festival_item_id = ${req.params.itemId}::uuid and o.status <> 'canceled') as ordered_units,
        (select count(*) from (select o.fan_id from orders o join order_lines l on l.order_id = o.id
          where o.festival_item_id = ${req.params.itemId}::uuid and o.status <> 'canceled'
          group by o.fan_id having sum(l.quantity) > (select per_fan_limit from festival_items where id = ${req.params.itemId}::uuid)) x) as fans_over_limit`),
    );
    const n = (k: string) => Number(r![k] ?? 0);
    return { quota: n('quota'), sold: n('sold'), orders: n('orders'), orderedUnits: n('ordered_units'), fansOverLimit: n('fans_over_limit') };
  });

  app.post<{ Params: { itemId: string } }>('/bench/festival/rowlock/:itemId', { schema: { hide: true } }, async (req, reply) => {
    const raw = req.cookies[FAN_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    const fanId = unsigned?.valid && unsigned.value ? await container.services.fans.resolveSession(req.ctx, unsigned.value) : undefined;
    if (!fanId) return reply.status(401).send({ error: { code: 'unauthenticated', message: 'sign in' } });
    const key = String(req.headers['idempotency-key'] ?? newId());
    const itemId = req.params.itemId;
    return inTransaction(system(), async (tx) => {
      // The slow design: every attempt queues on this one row until the previous one commits.
      const [item] = rows<ItemTerms>(
        await tx.db.execute(sql`select fi.quota, fi.sold, fi.per_fan_limit, fi.price_minor, fi.currency, v.id as variant_id, v.price_minor as list_price_minor,
            v.sku, v.name as variant_name, p.id as product_id, p.slug as product_slug, p.title as product_title, p.images
          from festival_items fi join store_variants v on v.id = fi.variant_id join store_products p on p.id = v.product_id
          where fi.id = ${itemId}::uuid for update of fi`),
      );
      if (!item) return reply.status(404).send({ error: { code: 'festival.item_not_found', message: 'no such item' } });
      if (item.sold + 1 > item.quota) return { answer: 'sold_out' };
      const [held] = rows<{ units: number }>(
        await tx.db.execute(sql`select units from festival_fan_units where item_id = ${itemId}::uuid and fan_id = ${fanId}::uuid`),
      );
      if ((held?.units ?? 0) + 1 > item.per_fan_limit) return { answer: 'limit_reached' };
      await festivalRepository.addFanUnits(tx.db, [{ itemId, fanId, units: 1, perFanLimit: item.per_fan_limit }]);
      await festivalRepository.addSold(tx.db, new Map([[itemId, 1]]));
      const now = new Date();
      const row = {
        id: newId(),
        lineId: newId(),
        fanId,
        festivalItemId: itemId,
        idempotencyKey: key,
        currency: item.currency,
        variantId: item.variant_id,
        productId: item.product_id,
        productSlug: item.product_slug,
        productTitle: item.product_title,
        variantName: item.variant_name,
        sku: item.sku,
        image: item.images[0] ?? null,
        quantity: 1,
        listPriceMinor: Number(item.list_price_minor),
        unitPriceMinor: Number(item.price_minor),
        paymentDeadline: new Date(now.getTime() + 15 * 60_000),
        at: now,
      };
      const [number] = await ordersRepository.takeNumbers(tx.db, 1);
      const written = ordersRepository.festivalOrdersWrites([{ ...row, number: number! }]);
      await runAsOneStatement(tx.db, [
        ['placed', written.orders],
        ['lines', written.lines],
      ]);
      await container.services.timeline.recordMany(tx, [
        {
          fanId,
          kind: 'order_placed',
          data: { orderId: row.id, number: String(number), totalMinor: row.unitPriceMinor, currency: row.currency, items: 1 },
          at: now,
        },
      ]);
      return { answer: 'won', order: { id: row.id, number: String(number), paymentDeadline: row.paymentDeadline.toISOString() } };
    });
  });
}
