import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buyMembership, createOwner, createTier, signupFan } from '../../../test/factories.ts';
import { rowsOf } from '../../db/rows.ts';
import { attemptWith, call, codeOf, gateOptions, LIFTED_BOT_LIMITS, setUpFestival, testClock } from './festival-test-kit.ts';

type Owner = Awaited<ReturnType<typeof createOwner>>;

describe('festival purchase attempts', () => {
  const clock = testClock();
  // Many attempts per fan at once: the bot checks (festival-attempt-bots.spec.ts) are lifted here.
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions(), festivalBotLimits: LIFTED_BOT_LIMITS } });
  const attempt = attemptWith(t);
  let owner: Owner;
  const durable = async (itemId: string) => {
    const [item] = rowsOf<{ sold: number }>(await t.container.database.db.execute(sql`select sold from festival_items where id = ${itemId}`));
    const perFan = rowsOf<{ fan_id: string; n: string | number; orders: string | number }>(
      await t.container.database.db.execute(
        sql`select o.fan_id, sum(l.quantity) as n, count(distinct o.id) as orders from orders o join order_lines l on l.order_id = o.id where o.festival_item_id = ${itemId} and o.status <> 'canceled' group by o.fan_id`,
      ),
    );
    return { sold: Number(item!.sold), perFan: perFan.map((r) => Number(r.n)), orders: perFan.reduce((n, r) => n + Number(r.orders), 0) };
  };

  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    owner = await createOwner(t.app);
  });

  it('300 concurrent attempts for a quota of 100: exactly 100 units sold, one order per won attempt, nobody over the limit', async () => {
    const f = await setUpFestival(t.app, owner.cookie, { quota: 100, perFanLimit: 5 });
    clock.set('2026-11-11T12:30:00.000Z');
    const fans: { cookie: string }[] = [];
    for (let i = 0; i < 25; i++) fans.push(await signupFan(t.app));
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(fans[i % 25]!.cookie, f.itemId, `k-${i}`)));
    const bodies = answers.map((r) => r.json() as { answer: string; order?: { id: string } });
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    const won = bodies.filter((b) => b.answer === 'won');
    expect(won).toHaveLength(100);
    expect(new Set(won.map((b) => b.order!.id)).size).toBe(100);
    expect(bodies.filter((b) => b.answer !== 'won').every((b) => b.answer === 'sold_out' || b.answer === 'limit_reached')).toBe(true);
    const d = await durable(f.itemId);
    expect(d.sold).toBe(100);
    expect(d.orders).toBe(100);
    expect(d.perFan.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...d.perFan)).toBeLessThanOrEqual(5);
    expect(await t.container.gate.remaining(f.itemId)).toBe(0);
    // The staff board: figures and units sold and left (Redis figures are flushed every 250 ms).
    await t.container.attemptStats.flush();
    const board = (await call(t.app)('GET', `/api/admin/festivals/${f.id}/board`, owner.cookie)).json();
    expect(board.items).toEqual([{ id: f.itemId, quota: 100, sold: 100, remaining: 0 }]);
    expect(board.figures.totals).toMatchObject({ attempts: 300, unitsWon: 100, wonMinor: 590_000 });
    expect(board.figures.totals.byAnswer.won).toBe(100);
  }, 90_000);

  it('the per-fan limit answers limit_reached; the same key again answers the same order', async () => {
    const f = await setUpFestival(t.app, owner.cookie, { quota: 10, perFanLimit: 2 });
    clock.set('2026-11-11T12:30:00.000Z');
    const fan = await signupFan(t.app);
    const first = (await attempt(fan.cookie, f.itemId, 'a', { quantity: 2 })).json();
    expect(first).toMatchObject({ answer: 'won', order: { number: expect.any(String), paymentDeadline: '2026-11-11T12:45:00.000Z' } });
    expect((await attempt(fan.cookie, f.itemId, 'a', { quantity: 2 })).json()).toEqual(first);
    expect((await attempt(fan.cookie, f.itemId, 'b')).json()).toEqual({ answer: 'limit_reached' });
    expect(await durable(f.itemId)).toEqual({ sold: 2, perFan: [2], orders: 1 });
    const order = (await call(t.app)('GET', `/api/fan/orders/${first.order.id}`, fan.cookie)).json();
    expect(order).toMatchObject({ channel: 'festival', status: 'pending_payment', address: null, totalMinor: 11_800, items: 2 });
  });

  it('answers not_started before the opening and ended after the end; with early access the member opens first', async () => {
    const tier = await createTier(t.app, owner.cookie, { name: 'Gold', rank: 1 });
    await call(t.app)('PATCH', `/api/admin/membership-tiers/${tier.id}`, owner.cookie, { perks: [{ kind: 'early_access', minutes: 30 }] });
    const f = await setUpFestival(t.app, owner.cookie, { quota: 10, perFanLimit: 2 });
    const [member, other] = [await signupFan(t.app), await signupFan(t.app)];
    await buyMembership(t, member, tier.id);
    expect((await attempt(other.cookie, f.itemId, 'x')).json()).toEqual({ answer: 'not_started', opensAt: '2026-11-11T12:00:00.000Z' });
    clock.set('2026-11-11T11:45:00.000Z');
    expect((await attempt(other.cookie, f.itemId, 'x')).json()).toEqual({
      answer: 'not_eligible',
      reason: 'early_access_only',
      opensAt: '2026-11-11T12:00:00.000Z',
    });
    expect((await attempt(member.cookie, f.itemId, 'y')).json()).toMatchObject({ answer: 'won' });
    clock.set('2026-11-11T20:00:00.000Z');
    expect((await attempt(other.cookie, f.itemId, 'z')).json()).toMatchObject({ answer: 'ended' });
  });

  it('where reservations are required, only reservers may attempt', async () => {
    const f = await setUpFestival(t.app, owner.cookie, { quota: 10, perFanLimit: 2 }, { requiresReservation: true });
    const [reserver, other] = [await signupFan(t.app), await signupFan(t.app)];
    expect((await call(t.app)('PUT', `/api/fan/festivals/fan-festival/items/${f.itemId}/reservation`, reserver.cookie)).statusCode).toBe(200);
    clock.set('2026-11-11T12:30:00.000Z');
    expect((await attempt(other.cookie, f.itemId, 'x')).json()).toMatchObject({ answer: 'not_eligible', reason: 'reservation_required' });
    expect((await attempt(reserver.cookie, f.itemId, 'x')).json()).toMatchObject({ answer: 'won' });
  });

  it('refuses bad input, visitors and staff', async () => {
    const f = await setUpFestival(t.app, owner.cookie, { quota: 10, perFanLimit: 2 });
    clock.set('2026-11-11T12:30:00.000Z');
    const fan = await signupFan(t.app);
    expect((await attempt(fan.cookie, f.itemId, 'k', { quantity: 0 })).statusCode).toBe(400);
    expect(codeOf(await attempt(fan.cookie, f.itemId, 'k', { quantity: 3 }))).toEqual([400, 'festival.quantity_above_limit']);
    expect(codeOf(await attempt(fan.cookie, f.itemId, null))).toEqual([400, 'idempotency.key_required']);
    expect(codeOf(await attempt(fan.cookie, '00000000-0000-4000-8000-000000000000', 'k'))).toEqual([404, 'festival.item_not_found']);
    expect(codeOf(await attempt(fan.cookie, f.itemId, 'k', { quantity: 1 }, 'no-such-festival'))).toEqual([404, 'festival.not_found']);
    expect(codeOf(await attempt(undefined, f.itemId, 'k'))).toEqual([401, 'auth.unauthenticated']);
    expect(codeOf(await attempt(owner.cookie, f.itemId, 'k'))).toEqual([401, 'auth.unauthenticated']);
    expect(codeOf(await call(t.app)('GET', `/api/admin/festivals/${f.id}/board`, fan.cookie))[0]).toBe(403);
    expect(await durable(f.itemId)).toEqual({ sold: 0, perFan: [], orders: 0 });
  });
});

describe('festival purchase attempts when the order writer is saturated', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions(), festivalMaxPending: 0 } });
  const attempt = attemptWith(t);

  it('answers busy (429, Retry-After) and sells nothing', async () => {
    const owner = await createOwner(t.app);
    const f = await setUpFestival(t.app, owner.cookie, { quota: 10, perFanLimit: 2 });
    clock.set('2026-11-11T12:30:00.000Z');
    const fan = await signupFan(t.app);
    const res = await attempt(fan.cookie, f.itemId, 'k');
    expect(codeOf(res)).toEqual([429, 'festival.busy']);
    expect(res.headers['retry-after']).toBe('1');
    expect(await t.container.gate.remaining(f.itemId)).toBe(10);
  });
});
