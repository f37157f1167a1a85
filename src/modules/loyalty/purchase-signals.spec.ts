import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, deliverSandbox, signupFan } from '../../../test/factories.ts';
import { checkout, publishedProduct, putLine, sandboxPay } from '../../../test/orders-factories.ts';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
type Fan = Awaited<ReturnType<typeof signupFan>>;
type Signals = { purchases: number; spend_minor: number; first_purchase_at: string | null; last_purchase_at: string | null };

/**
 * A fan's store purchases in fan_signals (migration 0027's triggers on orders): kept in the
 * transaction that changes the order, read by loyalty rules (purchases, spend), the fan page and
 * a rebuild that reaches the same values.
 */
describe('purchase signals: purchases, spend, first and last purchase', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let fan: Fan;
  let v: Record<string, string>;

  const signals = async (fanId: string): Promise<Signals> => {
    const [r] = rows<Record<string, unknown>>(
      await t.database.db.execute(
        sql`select purchases, spend_minor::text as spend_minor, first_purchase_at::text as first_at, last_purchase_at::text as last_at from fan_signals where fan_id = ${fanId}`,
      ),
    );
    return {
      purchases: Number(r!.purchases),
      spend_minor: Number(r!.spend_minor),
      first_purchase_at: r!.first_at ? new Date(r!.first_at as string).toISOString() : null,
      last_purchase_at: r!.last_at ? new Date(r!.last_at as string).toISOString() : null,
    };
  };
  const paidAt = async (orderId: string) =>
    new Date(
      rows<{ paid_at: string }>(await t.database.db.execute(sql`select paid_at::text as paid_at from orders where id = ${orderId}`))[0]!.paid_at,
    ).toISOString();
  const admin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });

  async function place(who: Fan, lines: [string, number][]) {
    for (const [sku, quantity] of lines) expect((await putLine(t, who.cookie, v[sku]!, quantity)).statusCode).toBe(200);
    const res = await checkout(t, who.cookie);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { order: { id: string; lines: { id: string; sku: string }[] }; action: { url: string } };
  }
  async function paid(who: Fan, lines: [string, number][]) {
    const placed = await place(who, lines);
    await sandboxPay(t, who.cookie, placed.action.url);
    return placed.order;
  }

  beforeEach(async () => {
    owner = await createOwner(t.app);
    fan = await signupFan(t.app);
    ({ variant: v } = await publishedProduct(t, owner.cookie, [
      { sku: 'TEE-M', priceMinor: 9_900, stock: 10 },
      { sku: 'TEE-L', priceMinor: 5_000, stock: 10 },
    ]));
  });

  it('counts a paid order; a partial refund lowers spend, a full refund takes the purchase away', async () => {
    const none = { purchases: 0, spend_minor: 0, first_purchase_at: null, last_purchase_at: null };
    const { order: pending } = await place(fan, [['TEE-M', 1]]);
    expect(await signals(fan.fan.id)).toEqual(none);

    const order = await paid(fan, [
      ['TEE-M', 1],
      ['TEE-L', 1],
    ]);
    expect(pending.id).not.toBe(order.id);
    const at = await paidAt(order.id);
    expect(await signals(fan.fan.id)).toEqual({ purchases: 1, spend_minor: 14_900, first_purchase_at: at, last_purchase_at: at });

    const l = order.lines.find((x) => x.sku === 'TEE-L')!;
    expect((await admin('POST', `/orders/${order.id}/refund`, { lines: [{ lineId: l.id, quantity: 1 }] })).statusCode).toBe(200);
    await deliverSandbox(t);
    expect(await signals(fan.fan.id)).toEqual({ purchases: 1, spend_minor: 9_900, first_purchase_at: at, last_purchase_at: at });

    expect((await admin('POST', `/orders/${order.id}/refund`, {})).json()).toMatchObject({ status: 'refunded' });
    await deliverSandbox(t);
    expect(await signals(fan.fan.id)).toEqual(none);
  });

  it('a canceled or expired order is no purchase; two orders add up, the last purchase is the latest paid', async () => {
    const { order: canceled } = await place(fan, [['TEE-M', 1]]);
    expect((await t.app.inject({ method: 'POST', url: `/api/fan/orders/${canceled.id}/cancel`, headers: { cookie: fan.cookie } })).statusCode).toBe(200);
    const { order: expiring, action } = await place(fan, [['TEE-L', 2]]);
    const later = t.container.ctx({ kind: 'system' }, { now: () => new Date(Date.now() + 24 * 3_600_000) });
    expect(await t.container.services.orders.expireDue(later, expiring.id)).toBe(1);
    // Paid after it expired: refunded by itself, never a purchase.
    await sandboxPay(t, fan.cookie, action.url);
    await t.container.queue.drain(['order.refund_late_payment']);
    await deliverSandbox(t);
    expect(await signals(fan.fan.id)).toMatchObject({ purchases: 0, spend_minor: 0, last_purchase_at: null });

    const first = await paid(fan, [['TEE-M', 1]]);
    const second = await paid(fan, [['TEE-L', 3]]);
    expect(await signals(fan.fan.id)).toEqual({
      purchases: 2,
      spend_minor: 9_900 + 15_000,
      first_purchase_at: await paidAt(first.id),
      last_purchase_at: await paidAt(second.id),
    });
    // Another fan's orders are theirs alone.
    const other = await signupFan(t.app);
    expect(await signals(other.fan.id)).toMatchObject({ purchases: 0, spend_minor: 0 });
  });

  it('an order in another currency is a purchase that adds nothing to spend', async () => {
    const { variant } = await publishedProduct(t, owner.cookie, [{ sku: 'USD-1', priceMinor: 1_500, stock: 5, currency: 'USD' }]);
    v = { ...v, ...variant };
    await paid(fan, [['USD-1', 1]]);
    expect(await signals(fan.fan.id)).toMatchObject({ purchases: 1, spend_minor: 0 });
  });

  it('moves a fan up a level on a purchases rule and down again on a full refund; the fan page shows the store figures', async () => {
    const rules = {
      graceDays: 60,
      rules: [
        { level: 1, signal: 'purchases', op: 'gte', threshold: 1 },
        { level: 2, signal: 'spend', op: 'gte', threshold: 200 },
      ],
    };
    expect((await admin('PUT', '/loyalty/rules', rules)).statusCode).toBe(200);
    const explain = async () => {
      await t.settle();
      return (await admin('GET', `/fans/${fan.fan.id}/loyalty`)).json();
    };
    expect(await explain()).toMatchObject({ level: 0, signals: { purchases: 0, spend: 0 }, store: { purchases: 0, lastPurchaseAt: null } });

    const order = await paid(fan, [['TEE-M', 1]]);
    let e = await explain();
    expect(e).toMatchObject({
      level: 1,
      signals: { purchases: 1, spend: 99 },
      store: { purchases: 1, spend: { amountMinor: 9_900, currency: 'CNY' }, lastPurchaseAt: await paidAt(order.id) },
      missingForNext: [{ signal: 'spend', value: 99, threshold: 200 }],
    });
    await paid(fan, [
      ['TEE-M', 1],
      ['TEE-L', 1],
    ]);
    expect((await explain()).level).toBe(2);

    // Refunds are staff's, not the fan being active: the level still follows at once.
    expect((await admin('POST', `/orders/${order.id}/refund`, {})).statusCode).toBe(200);
    await deliverSandbox(t);
    e = await explain();
    expect(e).toMatchObject({ level: 1, signals: { purchases: 1, spend: 149 } });
    const moves = rows<{ data: { from: number; to: number } }>(
      await t.database.db.execute(sql`select data from fan_activities where fan_id = ${fan.fan.id} and kind = 'level_changed' order by id`),
    ).map((r) => [r.data.from, r.data.to]);
    expect(moves).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
    ]);

    // A fan never reads staff's explanation.
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/fans/${fan.fan.id}/loyalty`, headers: { cookie: fan.cookie } })).statusCode).toBe(403);
    expect((await admin('PUT', '/loyalty/rules', { graceDays: 60, rules: [{ level: 1, signal: 'spend', op: 'gte', threshold: -1 }] })).statusCode).toBe(400);
  });

  it('a rebuild reaches the same purchase signals and levels as the triggers kept', async () => {
    const rules = { graceDays: 60, rules: [{ level: 1, signal: 'purchases', op: 'gte', threshold: 2 }] };
    expect((await admin('PUT', '/loyalty/rules', rules)).statusCode).toBe(200);
    const other = await signupFan(t.app);
    const order = await paid(fan, [['TEE-M', 2]]);
    await paid(fan, [['TEE-L', 1]]);
    await paid(other, [['TEE-L', 2]]);
    const l = order.lines[0]!;
    await admin('POST', `/orders/${order.id}/refund`, { lines: [{ lineId: l.id, quantity: 1 }] });
    await deliverSandbox(t);
    await t.settle();
    const all = async () =>
      rows(
        await t.database.db.execute(
          sql`select fan_id, purchases, spend_minor::text, first_purchase_at::text, last_purchase_at::text, level from fan_signals order by fan_id`,
        ),
      );
    const incremental = await all();
    expect(await signals(fan.fan.id)).toMatchObject({ purchases: 2, spend_minor: 9_900 + 5_000 });
    expect(incremental.map((r) => (r as { level: number }).level).sort()).toEqual([0, 1]);
    await t.database.db.execute(sql`update fan_signals set purchases = 0, spend_minor = 7, first_purchase_at = null, last_purchase_at = now()`);
    await t.container.services.loyalty.recomputeAll(t.container.ctx({ kind: 'system' }));
    expect(await all()).toEqual(incremental);
  });
});
