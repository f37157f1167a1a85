import { describe, expect, it } from 'vitest';
import { TEST_METRICS_TOKEN, useTestApp } from '../../../test/app.ts';
import { buyMembership, createOwner, createTier, signupFan } from '../../../test/factories.ts';
import { attemptWith, call, gateOptions, LIFTED_BOT_LIMITS, setUpFestival, testClock } from './festival-test-kit.ts';

/**
 * The statements one purchase attempt sends, counted: an open-sale attempt by a fan seen before
 * reads nothing before the order writer, whose batch is one statement (the festival, the longest early access, the fan's early
 * access, the reservations and a retried key's order all come from memory: attempt-caches.ts).
 */
describe('cost of a purchase attempt', () => {
  const clock = testClock();
  let log: string[] = [];
  let counting = false;
  const t = useTestApp(
    {},
    {
      logger: { logQuery: (q) => void (counting && log.push(q.trim().replace(/\s+/g, ' ').toLowerCase())) },
      // The catalogue's 1-second life would make a slow machine read the festival again between the two attempts.
      container: { now: clock.now, ...gateOptions(), festivalBotLimits: LIFTED_BOT_LIMITS, festivalCatalogueTtlMs: 600_000 },
    },
  );
  async function writerMetrics() {
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).body;
    const value = (name: string) => Number(new RegExp(`^fanbase_festival_writer_${name}_total (\\d+)$`, 'm').exec(metrics)?.[1]);
    return { orders: value('orders'), batches: value('batches') };
  }
  async function count(fn: () => Promise<unknown>) {
    await t.settle();
    await t.container.stream.stop(); // the consumers' polling is not the attempt's statements
    log = [];
    counting = true;
    try {
      await fn();
    } finally {
      counting = false;
    }
    return log;
  }

  it('a warm member who reserved: no reads before the writer; a retry of the same key: no statement at all', async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    const owner = await createOwner(t.app);
    const tier = await createTier(t.app, owner.cookie, { name: 'Gold', rank: 1 });
    await call(t.app)('PATCH', `/api/admin/membership-tiers/${tier.id}`, owner.cookie, { perks: [{ kind: 'early_access', minutes: 30 }] });
    const f = await setUpFestival(
      t.app,
      owner.cookie,
      { quota: 10, perFanLimit: 5 },
      { requiresReservation: true, reservationsCloseAt: '2026-11-10T00:00:00.000Z' },
    );
    const member = await signupFan(t.app);
    await buyMembership(t, member, tier.id);
    expect((await call(t.app)('PUT', `/api/fan/festivals/fan-festival/items/${f.itemId}/reservation`, member.cookie)).statusCode).toBe(200);
    // In the member's early-access half hour, after reservations closed.
    clock.set('2026-11-11T11:45:00.000Z');
    const ctx = t.container.ctx({ kind: 'fan', fanId: member.fan.id });
    const { festivalAttempts } = t.container.services;
    const first = await count(() => festivalAttempts.attempt(ctx, 'fan-festival', f.itemId, { quantity: 1 }, 'k-1'));
    // Cold: the festival, its items, the variant, the tiers, the membership and the reservations are read.
    expect(first.filter((q) => q.startsWith('select')).length).toBeGreaterThan(3);

    const warm = await count(async () =>
      expect(await festivalAttempts.attempt(ctx, 'fan-festival', f.itemId, { quantity: 2 }, 'k-2')).toMatchObject({ answer: 'won' }),
    );
    // Only the writer's batch, as ONE statement (no begin/commit): the fan's units, units sold, the
    // order, its line and its activity — no read.
    expect(warm, warm.join('\n')).toHaveLength(1);
    const writes = [...warm[0]!.matchAll(/(\w+) as \( (insert into \w+|update \w+)/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(writes).toEqual([
      'units: insert into festival_fan_units',
      'sold: update festival_items',
      'placed: insert into orders',
      'lines: insert into order_lines',
      'recorded: insert into fan_activities',
    ]);

    const retry = await count(async () =>
      expect(await festivalAttempts.attempt(ctx, 'fan-festival', f.itemId, { quantity: 2 }, 'k-2')).toMatchObject({ answer: 'won' }),
    );
    expect(retry).toEqual([]);
  }, 60_000);

  it('thirty fans not seen for a while attempting at once: their sessions are read a few statements at a time, not one each; memberships asked for together in one', async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    const owner = await createOwner(t.app);
    const f = await setUpFestival(t.app, owner.cookie, { quota: 100, perFanLimit: 1 });
    const fans: { cookie: string; fan: { id: string } }[] = [];
    for (let i = 0; i < 30; i++) fans.push(await signupFan(t.app));
    // Past the sale's opening and the 5 s a process remembers a session: every fan is cold.
    clock.set('2026-11-11T12:00:10.000Z');
    const attempt = attemptWith(t);
    const before = await writerMetrics();
    const statements = await count(async () => {
      const answers = await Promise.all(fans.map((fan, i) => attempt(fan.cookie, f.itemId, `cold-${i}`)));
      expect(answers.map((a) => a.json().answer)).toEqual(fans.map(() => 'won'));
    });
    const reads = (table: string, logged: string[]) => logged.filter((q) => q.startsWith('select') && q.includes(`from "${table}"`));
    // The sessions are read before any other I/O of the attempt: the requests that arrived in the
    // same turn of the event loop share a statement (a slow machine may spread them over a few).
    expect(reads('sessions', statements).length, statements.join('\n')).toBeLessThanOrEqual(3);
    // The membership is read after the bot checks (in Redis, answered turn by turn), so here it is
    // asked for directly: thirty fans in the same turn, one statement.
    const { memberships } = t.container.services;
    const asked = await count(() => Promise.all(fans.map((fan) => memberships.heldTier(t.container.ctx({ kind: 'fan', fanId: fan.fan.id })))));
    expect(reads('memberships', asked), asked.join('\n')).toHaveLength(1);
    // The order writer's batches show on /metrics: thirty orders, in fewer batches than orders.
    const after = await writerMetrics();
    expect(after.orders - before.orders).toBe(30);
    expect(after.batches - before.batches).toBeGreaterThan(0);
    expect(after.batches - before.batches).toBeLessThan(30);
  }, 60_000);
});
