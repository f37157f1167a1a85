import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buyMembership, createOwner, createTier, signupFan } from '../../../test/factories.ts';
import { attemptOf, boardFestival } from './board/board-test-kit.ts';
import { call, codeOf, gateOptions, testClock } from './festival-test-kit.ts';

describe('the after-festival report', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions() } });
  const attempt = attemptOf(t);
  const db = () => t.container.database.db;
  let owner: Awaited<ReturnType<typeof createOwner>>;
  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    owner = await createOwner(t.app);
  });

  /** Four fans reserve, buy, pay, let expire, cancel and get refunded; one fan's attempts are refused. */
  async function aFestivalThatHappened() {
    const tier = await createTier(t.app, owner.cookie, { name: '=Gold', rank: 1 });
    const f = await boardFestival(t.app, owner, { quota: 10, perFanLimit: 2 }, { requiresReservation: true });
    const [gold, b, c, d] = [await signupFan(t.app), await signupFan(t.app), await signupFan(t.app), await signupFan(t.app)];
    await buyMembership(t, gold, tier.id);
    const reserve = (fan: { cookie: string }, itemId: string) =>
      call(t.app)('PUT', `/api/fan/festivals/fan-festival/items/${itemId}/reservation`, fan.cookie).then((r) => expect(r.statusCode).toBe(200));
    for (const fan of [gold, b, c, d]) await reserve(fan, f.itemId);
    for (const fan of [b, d]) await reserve(fan, f.otherItemId);

    clock.set('2026-11-11T12:30:00.000Z');
    const won = async (fan: { cookie: string }, itemId: string, key: string, quantity = 1) => {
      const res = (await attempt(fan.cookie, itemId, key, quantity)).json();
      expect(res.answer).toBe('won');
      return res.order.id as string;
    };
    const o = {
      goldPaid: await won(gold, f.itemId, 'g', 2),
      bExpired: await won(b, f.itemId, 'b1'),
      cCanceled: await won(c, f.itemId, 'c'),
      dPaid: await won(d, f.otherItemId, 'd'),
      bRefunded: await won(b, f.otherItemId, 'b2'),
    };
    // Later, as the payment, expiry and cancel paths leave the orders.
    const at = '2026-11-11T12:40:00.000Z';
    await db().execute(sql`update orders set status = 'paid', paid_at = ${at} where id in (${o.goldPaid}, ${o.dPaid}, ${o.bRefunded})`);
    await db().execute(sql`update orders set status = 'canceled', cancel_reason = 'expired', canceled_at = ${at} where id = ${o.bExpired}`);
    await db().execute(sql`update orders set status = 'canceled', cancel_reason = 'fan', canceled_at = ${at} where id = ${o.cCanceled}`);
    await db().execute(sql`update orders set status = 'refunded', refunded_minor = total_minor, refunded_at = ${at} where id = ${o.bRefunded}`);
    await db().execute(sql`update order_lines set refunded_quantity = quantity where order_id = ${o.bRefunded}`);
    // The bot checks refused c's attempts: 3 for their rate, 1 for a bad challenge answer.
    const now = clock.now();
    for (const reason of ['fan_rate', 'fan_rate', 'fan_rate', 'invalid'])
      t.container.attemptStats.record(f.id, { answer: 'refused', reason, ms: 1, fanId: c.fan.id }, now);
    await t.container.attemptStats.flush();
    await db().execute(sql`update fan_signals set level = 2 where fan_id = ${d.fan.id}`);
    clock.set('2026-11-11T21:00:00.000Z');
    return { f, tier };
  }

  it('counts the funnel per item and in total, by tier held now and by loyalty level', async () => {
    const { f, tier } = await aFestivalThatHappened();
    const res = await call(t.app)('GET', `/api/admin/festivals/${f.id}/report`, owner.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ festivalId: f.id, ended: true, currency: 'CNY', breakdownAt: 'now' });
    const item = r.items.find((i: { id: string }) => i.id === f.itemId);
    const other = r.items.find((i: { id: string }) => i.id === f.otherItemId);
    expect(item).toMatchObject({ sku: 'phone-black', title: 'Festival phone — Black', quota: 10 });
    expect(item).toMatchObject({ reservations: 4, orders: 3, paid: 1, orderRate: 0.75, paidRate: 0.3333, expired: 1, fanCanceled: 1, refunded: 0 });
    expect(item).toMatchObject({ unitsSold: 2, gmvMinor: 2 * 5_900 });
    expect(other).toMatchObject({ reservations: 2, orders: 2, paid: 2, orderRate: 1, paidRate: 1, expired: 0, fanCanceled: 0, refunded: 1 });
    expect(other).toMatchObject({ unitsSold: 1, gmvMinor: 8_900 });
    expect(r.total).toEqual({
      reservations: 6,
      reservationsOrdered: 5,
      orders: 5,
      paid: 3,
      orderRate: 0.8333,
      paidRate: 0.6,
      expired: 1,
      fanCanceled: 1,
      refunded: 1,
      unitsSold: 3,
      gmvMinor: 2 * 5_900 + 8_900,
      refusals: 4,
    });
    expect(r.byTier).toEqual([
      expect.objectContaining({ tierId: tier.id, tierName: '=Gold', reservations: 1, orders: 1, paid: 1, gmvMinor: 11_800, refusals: 0 }),
      expect.objectContaining({
        tierId: null,
        tierName: null,
        reservations: 5,
        orders: 4,
        paid: 2,
        expired: 1,
        fanCanceled: 1,
        refunded: 1,
        gmvMinor: 8_900,
        refusals: 4,
      }),
    ]);
    expect(r.byLevel.map((l: { level: number }) => l.level)).toEqual([0, 1, 2, 3, 4]);
    expect(r.byLevel[2]).toMatchObject({ reservations: 2, orders: 1, paid: 1, unitsSold: 1, gmvMinor: 8_900 });
    expect(r.byLevel[0]).toMatchObject({ reservations: 4, orders: 4, paid: 2, refusals: 4 });
    expect(r.refusalsByKind).toEqual([
      { kind: 'fan_rate', refusals: 3 },
      { kind: 'invalid', refusals: 1 },
    ]);
  }, 120_000);

  it('downloads as CSV with every text cell neutralised against spreadsheet formulas', async () => {
    const { f, tier } = await aFestivalThatHappened();
    const res = await call(t.app)('GET', `/api/admin/festivals/${f.id}/report.csv`, owner.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('festival-report-Fan-Festival.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'scope,key,name,reservations,reservations_ordered,orders,paid,order_rate,paid_rate,expired,fan_canceled,refunded,units_sold,gmv_minor,currency,refusals',
    );
    expect(lines).toContain('total,,Fan Festival,6,5,5,3,0.8333,0.6,1,1,1,3,20700,CNY,4');
    expect(lines).toContain(`tier,${tier.id},'=Gold,1,1,1,1,1,1,0,0,0,2,11800,CNY,0`);
    expect(lines).toContain('refusal,fan_rate,,,,,,,,,,,,,,3');
    expect(lines.some((l) => l.includes(',=Gold'))).toBe(false);
  }, 120_000);

  it('is for staff only', async () => {
    const f = await boardFestival(t.app, owner, { quota: 10, perFanLimit: 2 });
    const fan = await signupFan(t.app);
    for (const path of ['report', 'report.csv']) {
      expect(codeOf(await call(t.app)('GET', `/api/admin/festivals/${f.id}/${path}`, fan.cookie))).toEqual([403, 'auth.forbidden']);
      expect(codeOf(await call(t.app)('GET', `/api/admin/festivals/${f.id}/${path}`))[0]).toBe(401);
    }
    expect(codeOf(await call(t.app)('GET', '/api/admin/festivals/00000000-0000-4000-8000-000000000000/report', owner.cookie))).toEqual([
      404,
      'festival.not_found',
    ]);
  });
});
