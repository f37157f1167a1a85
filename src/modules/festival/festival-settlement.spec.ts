import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { address, sandboxPay, stockOf } from '../../../test/orders-factories.ts';
import pino from 'pino';
import { TEST_BASE_URL, useTestApp } from '../../../test/app.ts';
import { createContainer } from '../../container.ts';
import { createFestivalGate } from './gate/create-gate.ts';
import { rowsOf } from '../../db/rows.ts';
import { call, gateOptions, setUpFestival, testClock } from './festival-test-kit.ts';

type Owner = Awaited<ReturnType<typeof createOwner>>;
type T = ReturnType<typeof useTestApp>;

const setUp = (t: T, owner: Owner, terms: { quota: number; perFanLimit: number }) => setUpFestival(t.app, owner.cookie, terms);

const attemptOf =
  (t: T) =>
  async (cookie: string, itemId: string, quantity = 1) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/fan/festivals/fan-festival/items/${itemId}/attempts`,
      headers: { cookie, 'idempotency-key': crypto.randomUUID() },
      payload: { quantity },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { answer: string; order?: { id: string } };
  };

describe('festival units: canceled and expired orders give them back, the end settles, a start reloads the gate', () => {
  const clock = testClock();
  const gate = gateOptions();
  const t = useTestApp({}, { container: { now: clock.now, ...gate } });
  const attempt = attemptOf(t);
  const system = () => t.container.ctx({ kind: 'system' });
  let owner: Owner;
  const durable = async (itemId: string) => {
    const [item] = rowsOf<{ sold: number; settled: boolean }>(
      await t.container.database.db.execute(sql`select sold, settled_at is not null as settled from festival_items where id = ${itemId}`),
    );
    const fans = rowsOf<{ fan_id: string; units: number }>(
      await t.container.database.db.execute(sql`select fan_id, units from festival_fan_units where item_id = ${itemId}`),
    );
    return { sold: Number(item!.sold), settled: item!.settled, fans: fans.map((r) => Number(r.units)).sort() };
  };
  const reservedOf = async (variantId: string) => (await stockOf(t, [variantId]))[variantId]!;

  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    owner = await createOwner(t.app);
  });

  it('a fan canceling an unpaid order puts its units back on sale, and the fan may buy again up to the limit', async () => {
    const f = await setUp(t, owner, { quota: 3, perFanLimit: 2 });
    clock.set('2026-11-11T12:05:00.000Z');
    const [a, b] = [await signupFan(t.app), await signupFan(t.app)];
    const won = await attempt(a.cookie, f.itemId, 2);
    expect(won.answer).toBe('won');
    expect((await attempt(a.cookie, f.itemId)).answer).toBe('limit_reached');
    expect((await attempt(b.cookie, f.itemId, 2)).answer).toBe('sold_out');
    const canceled = await call(t.app)('POST', `/api/fan/orders/${won.order!.id}/cancel`, a.cookie);
    expect(canceled.json()).toMatchObject({ status: 'canceled', cancelReason: 'fan' });
    expect(await durable(f.itemId)).toEqual({ sold: 0, settled: false, fans: [] });
    expect(await t.container.gate.remaining(f.itemId)).toBe(3);
    // A second cancel is refused and gives nothing back twice.
    expect((await call(t.app)('POST', `/api/fan/orders/${won.order!.id}/cancel`, a.cookie)).statusCode).toBe(409);
    expect((await attempt(b.cookie, f.itemId, 2)).answer).toBe('won');
    expect((await attempt(a.cookie, f.itemId, 1)).answer).toBe('won');
    expect((await attempt(a.cookie, f.itemId, 1)).answer).toBe('sold_out');
    expect(await durable(f.itemId)).toEqual({ sold: 3, settled: false, fans: [1, 2] });
  });

  it('an order unpaid at its deadline expires (the sweep), once, and another fan buys its units', async () => {
    const f = await setUp(t, owner, { quota: 2, perFanLimit: 2 });
    clock.set('2026-11-11T12:05:00.000Z');
    const [a, b] = [await signupFan(t.app), await signupFan(t.app)];
    const won = await attempt(a.cookie, f.itemId, 2);
    expect((await attempt(b.cookie, f.itemId)).answer).toBe('sold_out');
    // Not yet due: nothing moves.
    clock.set('2026-11-11T12:19:00.000Z');
    expect(await t.container.services.orders.expireDue(system())).toBe(0);
    clock.set('2026-11-11T12:21:00.000Z');
    expect(await t.container.services.orders.expireDue(system())).toBe(1);
    expect(await t.container.services.orders.expireDue(system())).toBe(0);
    const order = (await call(t.app)('GET', `/api/fan/orders/${won.order!.id}`, a.cookie)).json();
    expect(order).toMatchObject({ status: 'canceled', cancelReason: 'expired' });
    expect(await durable(f.itemId)).toEqual({ sold: 0, settled: false, fans: [] });
    expect((await attempt(b.cookie, f.itemId, 2)).answer).toBe('won');
    // The festival's hold in the store never moved: the units stayed the festival's.
    expect(await reservedOf(f.variantId)).toEqual({ stock: 1_000, reserved: 2 });
  });

  it('at the end the unsold quota goes back to the store once; a paid order sells its units, an unpaid one gives them to the store when it expires', async () => {
    const f = await setUp(t, owner, { quota: 10, perFanLimit: 2 });
    expect(await reservedOf(f.variantId)).toEqual({ stock: 1_000, reserved: 10 });
    clock.set('2026-11-11T19:50:00.000Z');
    const [a, b] = [await signupFan(t.app), await signupFan(t.app)];
    const paid = await attempt(a.cookie, f.itemId, 2);
    const unpaid = await attempt(b.cookie, f.itemId, 1);
    const pay = (await call(t.app)('POST', `/api/fan/orders/${paid.order!.id}/pay`, a.cookie, { address })).json();
    await sandboxPay(t, a.cookie, pay.action.url);
    expect(await reservedOf(f.variantId)).toEqual({ stock: 998, reserved: 8 });
    // Not over yet: nothing settles.
    expect(await t.container.services.festivalSettlement.settleEnded(system())).toBe(0);
    clock.set('2026-11-11T20:00:00.000Z');
    expect(await t.container.services.festivalSettlement.settleEnded(system())).toBe(1);
    expect(await t.container.services.festivalSettlement.settleEnded(system())).toBe(0);
    // 10 held − 2 sold − 1 still unpaid: 7 back in the store; the gate forgot the item.
    expect(await reservedOf(f.variantId)).toEqual({ stock: 998, reserved: 1 });
    expect(await durable(f.itemId)).toMatchObject({ sold: 3, settled: true });
    expect(await t.container.gate.remaining(f.itemId)).toBeNull();
    clock.set('2026-11-11T20:10:00.000Z');
    expect(await t.container.services.orders.expireDue(system())).toBe(1);
    expect((await call(t.app)('GET', `/api/fan/orders/${unpaid.order!.id}`, b.cookie)).json()).toMatchObject({ status: 'canceled' });
    expect(await reservedOf(f.variantId)).toEqual({ stock: 998, reserved: 0 });
    expect(await durable(f.itemId)).toEqual({ sold: 2, settled: true, fans: [2] });
  });

  it('canceling a festival during the sale settles it: what no order holds goes back, the orders stay', async () => {
    const f = await setUp(t, owner, { quota: 10, perFanLimit: 2 });
    clock.set('2026-11-11T13:00:00.000Z');
    const a = await signupFan(t.app);
    const won = await attempt(a.cookie, f.itemId, 2);
    expect((await call(t.app)('POST', `/api/admin/festivals/${f.id}/cancel`, owner.cookie)).json()).toMatchObject({ status: 'canceled' });
    expect(await reservedOf(f.variantId)).toEqual({ stock: 1_000, reserved: 2 });
    expect(await durable(f.itemId)).toMatchObject({ sold: 2, settled: true });
    // The sweep settles nothing twice; the fan's order can still be canceled, its units to the store.
    expect(await t.container.services.festivalSettlement.settleEnded(system())).toBe(0);
    await call(t.app)('POST', `/api/fan/orders/${won.order!.id}/cancel`, a.cookie);
    expect(await reservedOf(f.variantId)).toEqual({ stock: 1_000, reserved: 0 });
  });

  it('a server starting alone sets the gate from the durable orders: units admitted and never written are on sale again', async () => {
    const f = await setUp(t, owner, { quota: 5, perFanLimit: 2 });
    clock.set('2026-11-11T12:05:00.000Z');
    const [a, b] = [await signupFan(t.app), await signupFan(t.app)];
    expect((await attempt(a.cookie, f.itemId, 2)).answer).toBe('won');
    // A process admitted 3 units for fan b, then died before its order writer wrote them.
    expect(await t.container.gate.attempt(f.itemId, b.fan.id, 2)).toBe('won');
    expect(await t.container.gate.attempt(f.itemId, 'lost-fan', 1)).toBe('won');
    expect(await t.container.gate.remaining(f.itemId)).toBe(0);
    // The first process is gone (its lease with it); a new one starts on the same database and,
    // with Redis, the same keys.
    await t.container.gate.close();
    const restarted = createContainer(t.database, { publicBaseUrl: TEST_BASE_URL, log: pino({ level: 'silent' }), now: clock.now, ...gate });
    try {
      const ctx = restarted.ctx({ kind: 'system' });
      expect(await restarted.services.festivalSettlement.start(ctx)).toEqual({ items: 1, mode: 'reconcile', reaped: 0 });
      expect(await restarted.gate.remaining(f.itemId)).toBe(3);
      expect(await restarted.gate.heldBy(f.itemId, a.fan.id)).toBe(2);
      expect(await restarted.gate.heldBy(f.itemId, b.fan.id)).toBe(0);
      // A second process joining it leaves the running counters alone.
      const second = createContainer(t.database, { publicBaseUrl: TEST_BASE_URL, log: pino({ level: 'silent' }), now: clock.now, ...gate });
      try {
        expect(await restarted.gate.attempt(f.itemId, b.fan.id, 1)).toBe('won');
        const joined = await second.services.festivalSettlement.start(second.ctx({ kind: 'system' }));
        if (second.gate.kind === 'redis') {
          expect(joined).toEqual({ items: 1, mode: 'load', reaped: 0 });
          expect(await second.gate.remaining(f.itemId)).toBe(2);
        }
      } finally {
        await second.gate.close();
        await second.attemptStats.close();
        await second.botStore.close();
      }
    } finally {
      await restarted.gate.close();
      await restarted.attemptStats.close();
      await restarted.botStore.close();
      // The file's app closes its container's gate again at the end: give it an open one.
      t.container = Object.assign(t.container, { gate: createFestivalGate({ redisUrl: gate.redisUrl, keyPrefix: gate.gateKeyPrefix }) });
    }
  });
});
