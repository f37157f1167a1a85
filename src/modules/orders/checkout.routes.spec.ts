import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { checkout, publishedProduct, putLine, sandboxPay, stockOf } from '../../../test/orders-factories.ts';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('checkout: the cart becomes an order, paid through the store provider', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let fan: Awaited<ReturnType<typeof signupFan>>;
  let v: Record<string, string>;

  const orderCount = async () => Number(rows<{ n: string }>(await t.database.db.execute(sql`select count(*)::text as n from orders`))[0]!.n);
  const kinds = async (fanId: string) =>
    rows<{ kind: string }>(await t.database.db.execute(sql`select kind from fan_activities where fan_id = ${fanId} and kind like 'order_%' order by id`)).map(
      (r) => r.kind,
    );

  beforeEach(async () => {
    owner = await createOwner(t.app);
    fan = await signupFan(t.app);
    ({ variant: v } = await publishedProduct(t, owner.cookie, [
      { sku: 'TEE-M', priceMinor: 9_900, stock: 3 },
      { sku: 'TEE-L', priceMinor: 5_000, stock: 1 },
    ]));
  });

  it('places the order (stock held), empties the cart, and a sandbox payment marks it paid (stock sold, revenue booked)', async () => {
    await putLine(t, fan.cookie, v['TEE-M']!, 2);
    await putLine(t, fan.cookie, v['TEE-L']!, 1);
    const res = await checkout(t, fan.cookie, { expectedTotalMinor: 24_800, note: 'Ring twice' });
    expect(res.statusCode, res.body).toBe(201);
    const { order, action, testMode } = res.json();
    expect(testMode).toBe(true);
    expect(action.kind).toBe('redirect');
    expect(order).toMatchObject({
      number: '100001',
      channel: 'store',
      status: 'pending_payment',
      currency: 'CNY',
      subtotalMinor: 24_800,
      totalMinor: 24_800,
      items: 3,
      title: 'Festival tee',
      note: 'Ring twice',
      paymentStatus: 'pending',
      canPay: true,
      cancelReason: null,
      latePaymentRefunded: false,
      address: { name: 'Fiona Fan', postcode: '' },
    });
    expect(order.lines.map((l: { sku: string; quantity: number; lineTotalMinor: number }) => [l.sku, l.quantity, l.lineTotalMinor])).toEqual([
      ['TEE-M', 2, 19_800],
      ['TEE-L', 1, 5_000],
    ]);
    expect(new Date(order.paymentDeadline).getTime() - new Date(order.createdAt).getTime()).toBe(15 * 60_000);
    expect(await stockOf(t, [v['TEE-M']!, v['TEE-L']!])).toEqual({ [v['TEE-M']!]: { stock: 3, reserved: 2 }, [v['TEE-L']!]: { stock: 1, reserved: 1 } });
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/cart', headers: { cookie: fan.cookie } })).json().lines).toEqual([]);

    await sandboxPay(t, fan.cookie, action.url);
    const paid = (await t.app.inject({ method: 'GET', url: `/api/fan/orders/${order.id}`, headers: { cookie: fan.cookie } })).json();
    expect(paid).toMatchObject({ status: 'paid', paymentStatus: 'paid', canPay: false, paymentDeadline: null });
    expect(paid.steps.map((s: { status: string }) => s.status)).toEqual(['pending_payment', 'paid']);
    expect(await stockOf(t, [v['TEE-M']!, v['TEE-L']!])).toEqual({ [v['TEE-M']!]: { stock: 1, reserved: 0 }, [v['TEE-L']!]: { stock: 0, reserved: 0 } });
    const revenue = rows<{ account: string; sum: string }>(
      await t.database.db.execute(sql`select account, sum(amount_minor)::text as sum from ledger_entries group by account order by account`),
    );
    expect(revenue).toEqual([
      { account: 'provider_clearing', sum: '24800' },
      { account: 'store_revenue', sum: '-24800' },
    ]);
    expect(await kinds(fan.fan.id)).toEqual(['order_placed', 'order_paid']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/fan/orders', headers: { cookie: fan.cookie } })).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: order.id, status: 'paid', items: 3 }] });
  });

  it('answers the same key with the same order, never a second one, also when sent at the same time', async () => {
    await putLine(t, fan.cookie, v['TEE-M']!, 1);
    const key = randomUUID();
    const first = await checkout(t, fan.cookie, {}, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await checkout(t, fan.cookie, {}, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().order.id).toBe(first.json().order.id);
    const otherBody = await checkout(t, fan.cookie, { note: 'changed my mind' }, key);
    expect([otherBody.statusCode, otherBody.json().error.code]).toEqual([409, 'idempotency.key_reused']);

    await putLine(t, fan.cookie, v['TEE-M']!, 1);
    const together = randomUUID();
    const answers = await Promise.all([checkout(t, fan.cookie, {}, together), checkout(t, fan.cookie, {}, together)]);
    const ids = new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().order.id));
    expect(ids.size).toBe(1);
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
    expect(await orderCount()).toBe(2);
    expect(await stockOf(t, [v['TEE-M']!])).toEqual({ [v['TEE-M']!]: { stock: 3, reserved: 2 } });
  });

  it('undoes the order when the payment cannot be asked for: canceled, stock back, the cart kept', async () => {
    await putLine(t, fan.cookie, v['TEE-M']!, 2);
    const spy = vi.spyOn(t.container.services.payments, 'create').mockRejectedValueOnce(new Error('provider down'));
    try {
      const res = await checkout(t, fan.cookie);
      expect(res.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    const [order] = rows<{ status: string; payment_id: string | null }>(await t.database.db.execute(sql`select status, payment_id from orders`));
    expect(order).toEqual({ status: 'canceled', payment_id: null });
    expect(await stockOf(t, [v['TEE-M']!])).toEqual({ [v['TEE-M']!]: { stock: 3, reserved: 0 } });
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/cart', headers: { cookie: fan.cookie } })).json().count).toBe(2);
    const [run] = rows<{ status: string }>(await t.database.db.execute(sql`select status from workflow_runs where name = 'store.checkout'`));
    expect(run!.status).toBe('compensated');
    expect(await kinds(fan.fan.id)).toEqual([]);
    // The fan tries again (a new key): it goes through.
    expect((await checkout(t, fan.cookie)).statusCode).toBe(201);
  });

  it('needs an Idempotency-Key', async () => {
    await putLine(t, fan.cookie, v['TEE-M']!, 1);
    const res = await checkout(t, fan.cookie, {}, null);
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'idempotency.key_required']);
    expect(await orderCount()).toBe(0);
  });

  it('gives the last unit to one of two fans racing for it; the other hears it is out of stock and keeps their cart', async () => {
    const other = await signupFan(t.app);
    await putLine(t, fan.cookie, v['TEE-L']!, 1);
    await putLine(t, other.cookie, v['TEE-L']!, 1);
    const [a, b] = await Promise.all([checkout(t, fan.cookie), checkout(t, other.cookie)]);
    const codes = [a, b].map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    const lost = [a, b].find((r) => r.statusCode === 409)!;
    // Held while the other checked out: out of stock; after it: the cart already shows the line short.
    const error = lost.json().error;
    if (error.code === 'store.out_of_stock') expect(error.params).toEqual({ sku: 'TEE-L', available: 0 });
    else expect(error).toMatchObject({ code: 'order.cart_has_problems', params: { lines: 1 } });
    expect(await orderCount()).toBe(1);
    expect(await stockOf(t, [v['TEE-L']!])).toEqual({ [v['TEE-L']!]: { stock: 1, reserved: 1 } });
    const loser = lost === a ? fan : other;
    const cart = (await t.app.inject({ method: 'GET', url: '/api/fan/cart', headers: { cookie: loser.cookie } })).json();
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0].problem).toBe('short');
  });

  it('refuses an empty cart, a cart with a problem, and a total that changed', async () => {
    const empty = await checkout(t, fan.cookie);
    expect([empty.statusCode, empty.json().error.code]).toEqual([409, 'order.cart_empty']);
    await putLine(t, fan.cookie, v['TEE-L']!, 2);
    const short = await checkout(t, fan.cookie);
    expect([short.statusCode, short.json().error.code, short.json().error.params]).toEqual([409, 'order.cart_has_problems', { lines: 1 }]);
    await putLine(t, fan.cookie, v['TEE-L']!, 1);
    const changed = await checkout(t, fan.cookie, { expectedTotalMinor: 4_000 });
    expect([changed.statusCode, changed.json().error.code, changed.json().error.params]).toEqual([
      409,
      'order.price_changed',
      { totalMinor: 5_000, currency: 'CNY' },
    ]);
    expect(await orderCount()).toBe(0);
    expect(await stockOf(t, [v['TEE-L']!])).toEqual({ [v['TEE-L']!]: { stock: 1, reserved: 0 } });
    const bad = await checkout(t, fan.cookie, { address: { name: '', phone: 'call me', region: 'x', line: 'y' } });
    expect(bad.statusCode).toBe(400);
  });

  it('a failed payment leaves the order waiting; paying again makes a new payment with the same deadline', async () => {
    await putLine(t, fan.cookie, v['TEE-M']!, 1);
    const { order, action } = (await checkout(t, fan.cookie)).json();
    await sandboxPay(t, fan.cookie, action.url, 'fail');
    const failed = (await t.app.inject({ method: 'GET', url: `/api/fan/orders/${order.id}`, headers: { cookie: fan.cookie } })).json();
    expect(failed).toMatchObject({ status: 'pending_payment', paymentStatus: 'failed', canPay: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/fan/orders/${order.id}/pay`, headers: { cookie: fan.cookie } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().order).toMatchObject({ paymentStatus: 'pending', paymentDeadline: order.paymentDeadline });
    await sandboxPay(t, fan.cookie, again.json().action.url);
    expect((await t.app.inject({ method: 'GET', url: `/api/fan/orders/${order.id}`, headers: { cookie: fan.cookie } })).json().status).toBe('paid');
    const paidAgain = await t.app.inject({ method: 'POST', url: `/api/fan/orders/${order.id}/pay`, headers: { cookie: fan.cookie } });
    expect([paidAgain.statusCode, paidAgain.json().error.code, paidAgain.json().error.params]).toEqual([409, 'order.wrong_state', { status: 'paid' }]);
  });
});
