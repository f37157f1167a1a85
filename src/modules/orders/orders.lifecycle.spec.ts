import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, deliverSandbox, signupFan } from '../../../test/factories.ts';
import { checkout, publishedProduct, putLine, sandboxPay, stockOf } from '../../../test/orders-factories.ts';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
type Fan = Awaited<ReturnType<typeof signupFan>>;

describe('orders: payment, expiry, cancellation, shipping, delivery and refunds', () => {
  const t = useTestApp();
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let fan: Fan;
  let v: Record<string, string>;

  const ledger = async () =>
    Object.fromEntries(
      rows<{ account: string; sum: string }>(
        await t.database.db.execute(sql`select account, sum(amount_minor)::text as sum from ledger_entries group by account`),
      ).map((r) => [r.account, Number(r.sum)]),
    );
  const kinds = async (fanId: string) =>
    rows<{ kind: string }>(await t.database.db.execute(sql`select kind from fan_activities where fan_id = ${fanId} and kind like 'order_%' order by id`)).map(
      (r) => r.kind,
    );
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin/orders${url}`, headers: { cookie: owner.cookie }, ...(payload ? { payload } : {}) });
  const mine = (method: 'GET' | 'POST', url: string, who: Fan = fan) => t.app.inject({ method, url: `/api/fan/orders${url}`, headers: { cookie: who.cookie } });
  const err = (res: { statusCode: number; json: () => { error: { code: string; params: unknown } } }) => [
    res.statusCode,
    res.json().error.code,
    res.json().error.params,
  ];

  async function place(who: Fan, lines: [string, number][]) {
    for (const [sku, quantity] of lines) expect((await putLine(t, who.cookie, v[sku]!, quantity)).statusCode).toBe(200);
    const res = await checkout(t, who.cookie);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { order: { id: string; number: string; paymentDeadline: string; lines: { id: string; sku: string }[] }; action: { url: string } };
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
      { sku: 'TEE-M', priceMinor: 9_900, stock: 3 },
      { sku: 'TEE-L', priceMinor: 5_000, stock: 2 },
    ]));
  });

  it('expires an unpaid order at its deadline once (job and sweep alike), returns its stock, and refunds a payment that comes after', async () => {
    const { order, action } = await place(fan, [['TEE-M', 2]]);
    const jobs = rows<{ start_after: Date; data: { orderId: string } }>(
      await t.database.db.execute(sql`select start_after, data from pgboss.job where name = 'order.expire' and state = 'created'`),
    );
    expect(jobs.map((j) => [new Date(j.start_after).toISOString(), j.data.orderId])).toEqual([[order.paymentDeadline, order.id]]);

    const { orders } = t.container.services;
    const before = t.container.ctx({ kind: 'system' }, { now: () => new Date(new Date(order.paymentDeadline).getTime() - 1_000) });
    expect(await orders.expireDue(before, order.id)).toBe(0);
    const after = t.container.ctx({ kind: 'system' }, { now: () => new Date(new Date(order.paymentDeadline).getTime() + 1_000) });
    expect(await orders.expireDue(after, order.id)).toBe(1);
    expect(await orders.expireDue(after)).toBe(0);
    expect(await stockOf(t, [v['TEE-M']!])).toEqual({ [v['TEE-M']!]: { stock: 3, reserved: 0 } });
    expect((await mine('GET', `/${order.id}`)).json()).toMatchObject({ status: 'canceled', cancelReason: 'expired', canPay: false });
    expect(err(await mine('POST', `/${order.id}/pay`))).toEqual([409, 'order.wrong_state', { status: 'canceled' }]);

    // The fan pays on the page still open: the money goes back by itself; the order stays canceled.
    await sandboxPay(t, fan.cookie, action.url);
    const late = (await mine('GET', `/${order.id}`)).json();
    expect(late).toMatchObject({ status: 'canceled', latePaymentRefunded: true });
    await t.container.queue.drain(['order.refund_late_payment']);
    await deliverSandbox(t);
    const detail = (await admin('GET', `/${order.id}`)).json();
    expect(detail.refunds).toMatchObject([{ amountMinor: 19_800, status: 'succeeded' }]);
    expect(await stockOf(t, [v['TEE-M']!])).toEqual({ [v['TEE-M']!]: { stock: 3, reserved: 0 } });
    expect(await ledger()).toMatchObject({ store_revenue: -19_800, refunds: 19_800, provider_clearing: 0 });
    expect(await kinds(fan.fan.id)).toEqual(['order_placed', 'order_canceled']);
  });

  it('a second payment of a paid order is refunded by itself; paying after the deadline is refused', async () => {
    const { order, action } = await place(fan, [['TEE-M', 1]]);
    const again = (await mine('POST', `/${order.id}/pay`)).json();
    await sandboxPay(t, fan.cookie, action.url);
    await sandboxPay(t, fan.cookie, again.action.url);
    expect((await mine('GET', `/${order.id}`)).json().status).toBe('paid');
    await t.container.queue.drain(['order.refund_late_payment']);
    await deliverSandbox(t);
    // Sold once; the second ¥99 went back.
    expect(await stockOf(t, [v['TEE-M']!])).toEqual({ [v['TEE-M']!]: { stock: 2, reserved: 0 } });
    expect(await ledger()).toMatchObject({ store_revenue: -19_800, refunds: 9_900, provider_clearing: 9_900 });

    const { order: late } = await place(fan, [['TEE-L', 1]]);
    const afterDeadline = t.container.ctx({ kind: 'fan', fanId: fan.fan.id }, { now: () => new Date(new Date(late.paymentDeadline).getTime() + 1) });
    await expect(t.container.services.orders.pay(afterDeadline, late.id)).rejects.toMatchObject({ code: 'order.payment_window_over' });
  });

  it('lets the fan cancel an unpaid order (stock back) and only once', async () => {
    const { order } = await place(fan, [
      ['TEE-M', 1],
      ['TEE-L', 2],
    ]);
    const res = await mine('POST', `/${order.id}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'canceled', cancelReason: 'fan' });
    expect(await stockOf(t, [v['TEE-M']!, v['TEE-L']!])).toEqual({ [v['TEE-M']!]: { stock: 3, reserved: 0 }, [v['TEE-L']!]: { stock: 2, reserved: 0 } });
    expect(err(await mine('POST', `/${order.id}/cancel`))).toEqual([409, 'order.wrong_state', { status: 'canceled' }]);
    expect(await kinds(fan.fan.id)).toEqual(['order_placed', 'order_canceled']);
  });

  it('refuses moves an order is not in the state for, naming its status', async () => {
    const { order: pending } = await place(fan, [['TEE-L', 1]]);
    expect(err(await admin('POST', `/${pending.id}/ship`, { carrier: 'SF', trackingNumber: 'SF1' }))).toEqual([
      409,
      'order.wrong_state',
      { status: 'pending_payment' },
    ]);
    expect(err(await admin('POST', `/${pending.id}/deliver`))).toEqual([409, 'order.wrong_state', { status: 'pending_payment' }]);
    expect(err(await admin('POST', `/${pending.id}/refund`, {}))).toEqual([409, 'order.wrong_state', { status: 'pending_payment' }]);
    const order = await paid(fan, [['TEE-M', 1]]);
    expect(err(await admin('POST', `/${order.id}/deliver`))).toEqual([409, 'order.wrong_state', { status: 'paid' }]);
    expect(err(await admin('POST', `/${order.id}/cancel`, {}))).toEqual([409, 'order.wrong_state', { status: 'paid' }]);
    expect(err(await mine('POST', `/${order.id}/cancel`))).toEqual([409, 'order.wrong_state', { status: 'paid' }]);
    expect((await admin('POST', `/${pending.id}/cancel`, {})).json()).toMatchObject({ status: 'canceled', cancelReason: 'staff' });
    expect((await admin('POST', '/00000000-0000-4000-8000-000000000000/ship', { carrier: 'SF', trackingNumber: 'x' })).statusCode).toBe(404);
    expect((await admin('POST', `/${order.id}/ship`, { carrier: '', trackingNumber: 'x' })).statusCode).toBe(400);
  });

  it('ships, delivers, refunds a line then the rest: the order ends refunded and the ledger books each refund', async () => {
    const order = await paid(fan, [
      ['TEE-M', 2],
      ['TEE-L', 1],
    ]);
    const shipped = await admin('POST', `/${order.id}/ship`, { carrier: 'SF Express', trackingNumber: 'SF1234567890' });
    expect(shipped.json()).toMatchObject({ status: 'shipped', carrier: 'SF Express', trackingNumber: 'SF1234567890', provider: 'sandbox' });
    expect((await admin('POST', `/${order.id}/deliver`)).json().status).toBe('delivered');

    const m = order.lines.find((l) => l.sku === 'TEE-M')!;
    expect(err(await admin('POST', `/${order.id}/refund`, { lines: [{ lineId: m.id, quantity: 3 }] }))).toEqual([
      409,
      'order.refund_exceeds',
      { sku: 'TEE-M', refundable: 2 },
    ]);
    const one = await admin('POST', `/${order.id}/refund`, { lines: [{ lineId: m.id, quantity: 1 }], reason: 'Torn seam' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ status: 'delivered', refundedMinor: 9_900, refunds: [{ amountMinor: 9_900, reason: 'Torn seam', status: 'requested' }] });
    expect(one.json().lines.find((l: { sku: string }) => l.sku === 'TEE-M').refundedQuantity).toBe(1);
    await deliverSandbox(t);
    expect(await ledger()).toMatchObject({ store_revenue: -24_800, refunds: 9_900, provider_clearing: 24_800 - 9_900 });

    const rest = await admin('POST', `/${order.id}/refund`, {});
    expect(rest.json()).toMatchObject({ status: 'refunded', refundedMinor: 24_800 });
    expect(rest.json().lines.map((l: { quantity: number; refundedQuantity: number }) => l.refundedQuantity === l.quantity)).toEqual([true, true]);
    await deliverSandbox(t);
    expect(await ledger()).toMatchObject({ refunds: 24_800, provider_clearing: 0 });
    expect(err(await admin('POST', `/${order.id}/refund`, {}))).toEqual([409, 'order.wrong_state', { status: 'refunded' }]);
    const steps = (await mine('GET', `/${order.id}`)).json().steps.map((s: { status: string }) => s.status);
    expect(steps).toEqual(['pending_payment', 'paid', 'shipped', 'delivered', 'refunded']);
    expect(await kinds(fan.fan.id)).toEqual(['order_placed', 'order_paid', 'order_shipped', 'order_delivered', 'order_refunded', 'order_refunded']);
  });

  it('keeps an ordered variant: deleting it archives it, and its product cannot be deleted', async () => {
    const { order } = await place(fan, [['TEE-L', 1]]);
    await mine('POST', `/${order.id}/cancel`);
    const store = (method: 'POST' | 'DELETE', url: string) => t.app.inject({ method, url: `/api/admin/store${url}`, headers: { cookie: owner.cookie } });
    const removed = await store('DELETE', `/variants/${v['TEE-L']}`);
    expect(removed.json()).toMatchObject({ result: 'archived' });
    expect((await store('DELETE', `/variants/${v['TEE-M']}`)).json()).toMatchObject({ result: 'deleted' });
    const productId = rows<{ product_id: string }>(await t.database.db.execute(sql`select product_id from order_lines limit 1`))[0]!.product_id;
    await store('POST', `/products/${productId}/unpublish`);
    const gone = await store('DELETE', `/products/${productId}`);
    expect([gone.statusCode, gone.json().error.code]).toEqual([409, 'store.product_ordered']);
    // The order still reads as it was bought.
    expect((await mine('GET', `/${order.id}`)).json().lines).toMatchObject([{ sku: 'TEE-L', productTitle: 'Festival tee' }]);
  });

  it('keeps each fan to their own orders and fans out of the console', async () => {
    const other = await signupFan(t.app);
    const { order } = await place(fan, [['TEE-L', 1]]);
    for (const [method, url] of [
      ['GET', `/${order.id}`],
      ['POST', `/${order.id}/pay`],
      ['POST', `/${order.id}/cancel`],
    ] as const)
      expect(err(await mine(method, url, other))).toEqual([404, 'order.not_found', {}]);
    expect((await mine('GET', '', other)).json()).toMatchObject({ items: [], total: 0 });
    const fanOnAdmin = await t.app.inject({ method: 'GET', url: '/api/admin/orders', headers: { cookie: fan.cookie } });
    expect(fanOnAdmin.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/cancel`, headers: { cookie: fan.cookie }, payload: {} })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/orders' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/orders' })).statusCode).toBe(401);
    // Staff see it, with its fan, and find it by number or by the fan's email.
    const list = (await admin('GET', `?q=${order.number}`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: order.id, fan: { id: fan.fan.id, email: fan.email } }] });
    expect((await admin('GET', `?q=${encodeURIComponent(fan.email)}`)).json().total).toBe(1);
    expect((await admin('GET', '?status=paid')).json().total).toBe(0);
    expect((await admin('GET', '?status=nope')).statusCode).toBe(400);
  });

  it('ships paid orders from a CSV: a dry run changes nothing, bad rows are reported, good rows applied', async () => {
    const a = await paid(fan, [['TEE-M', 1]]);
    const b = await paid(fan, [['TEE-M', 1]]);
    const { order: unpaid } = await place(fan, [['TEE-L', 1]]);
    const csv = [
      'order_number,carrier,tracking_number',
      `${a.number},SF Express,SF001`,
      `${unpaid.number},SF Express,SF002`,
      '999999,SF Express,SF003',
      `${b.number},,SF004`,
      `${a.number},SF Express,SF005`,
      `${b.number},ZTO,ZT006`,
    ].join('\n');
    const expected = [
      { row: 3, orderNumber: unpaid.number, code: 'order.wrong_state' },
      { row: 4, orderNumber: '999999', code: 'order.not_found' },
      { row: 5, orderNumber: b.number, code: 'validation_failed' },
      { row: 6, orderNumber: a.number, code: 'order.shipment_duplicate' },
    ];
    const dry = await admin('POST', '/shipments', { csv, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, shipped: 2, errors: expected });
    expect((await admin('GET', `/${a.id}`)).json().status).toBe('paid');

    const real = (await admin('POST', '/shipments', { csv })).json();
    expect(real).toMatchObject({ dryRun: false, shipped: 2, errors: expected });
    expect((await admin('GET', `/${a.id}`)).json()).toMatchObject({ status: 'shipped', carrier: 'SF Express', trackingNumber: 'SF001' });
    expect((await admin('GET', `/${b.id}`)).json()).toMatchObject({ status: 'shipped', carrier: 'ZTO', trackingNumber: 'ZT006' });
    expect((await admin('GET', `/${unpaid.id}`)).json().status).toBe('pending_payment');

    const header = await admin('POST', '/shipments', { csv: 'number,carrier\n1,x' });
    expect([header.statusCode, header.json().error.code]).toEqual([400, 'order.csv_invalid']);
    const many = ['order_number,carrier,tracking_number', ...Array.from({ length: 1001 }, (_, i) => `${i},SF,T${i}`)].join('\n');
    expect((await admin('POST', '/shipments', { csv: many })).json().error.code).toBe('order.csv_invalid');
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/orders/shipments', headers: { cookie: fan.cookie }, payload: { csv } })).statusCode).toBe(403);
  });
});
