import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.ts';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { festivalRepository } from './festival.repository.ts';
import { call, festivalInput, gateOptions, publishedProduct, testClock } from './festival-test-kit.ts';
import type { WonAttempt, WriterItem } from './order-writer.ts';

describe('the festival order writer: won attempts become orders, many per transaction', () => {
  const clock = testClock('2026-11-11T12:30:00.000Z');
  // One batch at a time: attempts submitted together queue and go in as one transaction.
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions(), festivalWriter: { concurrency: 1 } } });
  let item: WriterItem;
  let fans: string[];

  async function setUp(quota: number, perFanLimit: number) {
    const owner = await createOwner(t.app);
    const product = await publishedProduct(t.app, owner.cookie);
    const f = (await call(t.app)('POST', '/api/admin/festivals', owner.cookie, festivalInput({ startsAt: '2026-11-11T12:00:00.000Z' }))).json();
    const res = await call(t.app)('POST', `/api/admin/festivals/${f.id}/items`, owner.cookie, { variantId: product.m, priceMinor: 5_900, quota, perFanLimit });
    const row = (await festivalRepository.itemsOf(t.container.database.db, [f.id]))[0]!;
    expect(res.statusCode, res.body).toBe(200);
    item = {
      id: row.id,
      festivalId: f.id,
      perFanLimit,
      priceMinor: 5_900,
      currency: 'CNY',
      variantId: product.m,
      listPriceMinor: 9_900,
      sku: 'festival-tee-M',
      variantName: 'M',
      product: { id: product.id, slug: 'festival-tee', title: 'Festival tee', image: null },
    };
    fans = [];
    for (let i = 0; i < 12; i++) fans.push((await signupFan(t.app)).fan.id);
  }
  const attempt = (fanId: string, key: string, quantity = 1): WonAttempt => ({
    fanId,
    key,
    item,
    quantity,
    at: clock.now(),
    paymentDeadline: new Date(clock.now().getTime() + 15 * 60_000),
  });
  const writer = () => t.container.festivalWriter;
  /** Units per fan the durable, not canceled orders of an item hold. */
  async function orderUnits(itemId: string): Promise<Map<string, number>> {
    const rows = rowsOf<{ fan_id: string; n: string | number }>(
      await db().execute(
        sql`select o.fan_id, sum(l.quantity) as n from orders o join order_lines l on l.order_id = o.id where o.festival_item_id = ${itemId} and o.status <> 'canceled' group by o.fan_id`,
      ),
    );
    return new Map(rows.map((r) => [r.fan_id, Number(r.n)]));
  }
  const db = () => t.container.database.db;

  beforeEach(() => clock.set('2026-11-11T12:30:00.000Z'));

  it('writes a batch of attempts: the orders, their lines, units per fan and sold, each fan an order_placed activity', async () => {
    await setUp(100, 2);
    const results = await Promise.all(fans.map((f, i) => writer().write(attempt(f, `k${i}`, 2))));
    expect(results.every((r) => r.kind === 'written')).toBe(true);
    const numbers = results.map((r) => (r.kind === 'written' ? r.order.number : ''));
    expect(new Set(numbers).size).toBe(12);
    const units = await festivalRepository.unitsOf(db(), item.id);
    expect(units.sold).toBe(24);
    expect([...units.byFan.values()]).toEqual(Array(12).fill(2));
    expect(await orderUnits(item.id)).toEqual(units.byFan);
    const first = results[0]!.kind === 'written' ? results[0]!.order : undefined;
    const order = rowsOf<Record<string, unknown>>(await db().execute(sql`select * from orders where id = ${first!.id}`))[0];
    expect(order).toMatchObject({ channel: 'festival', status: 'pending_payment', address: null, festival_item_id: item.id });
    expect(Number(order!.total_minor)).toBe(11_800);
    expect(first!.paymentDeadline).toBe('2026-11-11T12:45:00.000Z');
    const placed = rowsOf<{ n: string | number }>(
      await db().execute(sql`select count(*) as n from fan_activities where kind = 'order_placed' and fan_id in ${fans}`),
    );
    expect(Number(placed[0]!.n)).toBe(12);
  });

  it('past the quota only the attempts over it fail (sold_out); the database never holds more than the quota', async () => {
    await setUp(10, 1);
    const results = await Promise.all(fans.map((f, i) => writer().write(attempt(f, `q${i}`))));
    expect(results.filter((r) => r.kind === 'written')).toHaveLength(10);
    expect(results.filter((r) => r.kind === 'sold_out')).toHaveLength(2);
    expect((await festivalRepository.unitsOf(db(), item.id)).sold).toBe(10);
    expect([...(await orderUnits(item.id)).values()].reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('past the per-fan limit only that attempt fails (limit_reached), in a batch with others', async () => {
    await setUp(100, 2);
    const [one, two, three, other] = await Promise.all([
      writer().write(attempt(fans[0]!, 'a')),
      writer().write(attempt(fans[0]!, 'b')),
      writer().write(attempt(fans[0]!, 'c')),
      writer().write(attempt(fans[1]!, 'a', 2)),
    ]);
    expect([one!.kind, two!.kind, three!.kind, other!.kind]).toEqual(['written', 'written', 'limit_reached', 'written']);
    const units = await festivalRepository.unitsOf(db(), item.id);
    expect(units).toEqual({
      sold: 4,
      byFan: new Map([
        [fans[0]!, 2],
        [fans[1]!, 2],
      ]),
    });
  });

  it("a fan's key already used answers the order it made, writing nothing more", async () => {
    await setUp(100, 2);
    const first = await writer().write(attempt(fans[0]!, 'same'));
    const again = await writer().write(attempt(fans[0]!, 'same'));
    expect(first.kind).toBe('written');
    expect(again).toEqual({ kind: 'existing', order: first.kind === 'written' ? first.order : null });
    expect(await festivalRepository.unitsOf(db(), item.id)).toEqual({ sold: 1, byFan: new Map([[fans[0]!, 1]]) });
  });
});
