import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { TEST_METRICS_TOKEN, useTestApp } from './app.ts';
import { testEngine } from './engine.ts';
import { createOwner, signupFan } from './factories.ts';
import { createContainer } from '../src/container.ts';
import { inTransaction, type Ctx } from '../src/core/context.ts';
import { gate } from './gate.ts';
import { INSIGHTS_CONSUMER } from '../src/modules/insights/insights.consumer.ts';
import type { Activity } from '../src/modules/timeline/timeline.service.ts';
import { streamRepository } from '../src/platform/stream/stream.repository.ts';
import { createStreamRunner, type Consumer } from '../src/platform/stream/stream.runner.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('activity stream: consumers after commit, exactly once', () => {
  const t = useTestApp();
  const system = (): Ctx => t.container.ctx({ kind: 'system' });
  const follows = async () => rows<{ n: number }>(await t.database.db.execute(sql`select coalesce(sum(follows), 0)::int as n from daily_follow_counts`))[0]!.n;
  const record = (ctx: Ctx, fanId: string) => t.container.services.timeline.record(ctx, { fanId, kind: 'followed', source: 'direct' });

  it('applies each activity once, in batches, and holds its position durably', async () => {
    const { fan } = await signupFan(t.app);
    await t.container.services.timeline.recordMany(
      system(),
      Array.from({ length: 12_345 }, () => ({ fanId: fan.id, kind: 'followed' as const, source: 'import' })),
    );
    await t.settle();
    expect(await follows()).toBe(12_345);
    // Draining again finds nothing: the positions moved with the writes.
    await t.settle();
    expect(await follows()).toBe(12_345);
    const status = await t.container.stream.status(system());
    expect(status.map((s) => [s.consumer, s.pending])).toEqual([
      ['insights.daily', 0],
      ['articles.counters', 0],
      ['loyalty.signals', 0],
    ]);
  });

  // On PostgreSQL a transaction in another database of the cluster may hold the batch back (the
  // settled bound is cluster-wide), so what idle() ran is seen applied only on the embedded engine.
  it.skipIf(testEngine() !== 'pglite')('idle() runs the batch a commit has just asked for, so nothing starts behind a test emptying the tables', async () => {
    const { fan } = await signupFan(t.app);
    await t.settle();
    await record(system(), fan.id); // wakes the consumers 50 ms from now
    await t.container.stream.idle();
    expect(await follows()).toBe(1);
  });

  it('waits while a bulk producer holds the consumers, then applies everything it wrote', async () => {
    const { fan } = await signupFan(t.app);
    await t.settle();
    const release = t.container.stream.hold();
    for (let i = 0; i < 3; i++) await record(system(), fan.id);
    // Woken by each commit, the consumers would have run within 50 ms; held, they wait.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await follows()).toBe(0);
    release();
    release(); // a second call changes nothing
    await vi.waitFor(async () => expect(await follows()).toBe(3), { timeout: 10_000 });
  });

  it('tells staff, and Prometheus, how far the consumers are behind', async () => {
    const owner = await createOwner(t.app);
    const { fan } = await signupFan(t.app);
    await t.container.stream.stop(); // nothing runs until drained
    await record(system(), fan.id);
    await record(system(), fan.id);
    const behind = (await t.app.inject({ method: 'GET', url: '/api/admin/stream', headers: { cookie: owner.cookie } })).json();
    expect(behind.behind).toBe(true);
    expect(behind.consumers.find((c: { consumer: string }) => c.consumer === 'insights.daily').pending).toBe(2);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).body;
    expect(metrics).toMatch(/fanbase_stream_pending_activities\{consumer="loyalty.signals"\} 2/);
    await t.settle();
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/stream', headers: { cookie: owner.cookie } })).json().behind).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/stream', headers: { cookie: (await signupFan(t.app)).cookie } })).statusCode).toBe(403);
  });

  it('under a steady stream of commits, batches start a gap apart and take everything committed meanwhile', async () => {
    const { fan } = await signupFan(t.app);
    await t.settle();
    const GAP = 600;
    const runner = createStreamRunner<Activity>({
      source: t.container.services.timeline.stream,
      repo: streamRepository,
      systemCtx: system,
      wakeMs: 1,
      busyGapMs: GAP,
    });
    const batches: { at: number; n: number }[] = [];
    let drained = 0;
    let woken = true;
    runner.register({
      name: 'test.gap',
      apply: async (_tx, activities) => {
        if (woken) batches.push({ at: Date.now(), n: activities.length });
        else drained += activities.length;
      },
      rebuild: async () => {},
    });
    await runner.drain(); // starts from here: what earlier cases wrote is behind it
    batches.length = 0;
    drained = 0;
    for (let i = 0; i < 12; i++) {
      await record(system(), fan.id);
      runner.notify();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The woken batches have had their time; on PostgreSQL another database's transaction may
    // have held the last ones back (the settled bound is cluster-wide): a drain applies the rest.
    await new Promise((resolve) => setTimeout(resolve, 2 * GAP));
    await runner.stop();
    woken = false;
    await runner.drain();
    expect(batches.reduce((n, b) => n + b.n, 0) + drained).toBe(12);
    // 12 commits over ~600 ms: a handful of woken batches, never two within the gap of each other.
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.length).toBeLessThan(6);
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.at - batches[i - 1]!.at).toBeGreaterThanOrEqual(GAP - 200);
  });

  it('retries a failed batch whole: nothing is applied twice or lost', async () => {
    const { fan } = await signupFan(t.app);
    let failures = 1;
    const seen: bigint[] = [];
    const runner = createStreamRunner<Activity>({ source: t.container.services.timeline.stream, repo: streamRepository, systemCtx: system });
    const flaky: Consumer<Activity> = {
      name: 'test.flaky',
      batchSize: 2,
      async apply(tx, activities) {
        // Writes, then fails once: the transaction (writes and position) rolls back together.
        await tx.db.execute(sql`update daily_follow_counts set follows = follows + 1000`);
        seen.push(...activities.map((a) => a.id));
        if (failures-- > 0) throw new Error('consumer crashed mid-batch');
      },
      rebuild: async () => {},
    };
    runner.register(flaky);
    for (let i = 0; i < 5; i++) await record(system(), fan.id);
    await t.settle();
    const before = await follows();
    await expect(runner.drain()).rejects.toThrow(/failed while draining/);
    expect(await follows()).toBe(before);
    await runner.drain();
    // The first two were seen twice (the failed batch and its retry), the rest once: applied once each.
    expect(seen.length).toBe(7);
    expect(new Set(seen).size).toBe(5);
    expect(await follows()).toBe(before + 3 * 1000);
  });

  it('several instances consume the same stream without applying anything twice', async () => {
    const { fan } = await signupFan(t.app);
    const others = [1, 2].map(() => createContainer(t.database, { publicBaseUrl: 'http://x.test', log: pino({ level: 'silent' }) }));
    const writes = Array.from({ length: 60 }, (_, i) => record(system(), fan.id).then(() => (i % 7 === 0 ? others[i % 2]!.stream.drain() : undefined)));
    await Promise.all([...writes, ...others.map((c) => c.stream.drain())]);
    await Promise.all([t.settle(), ...others.map((c) => c.stream.drain())]);
    expect(await follows()).toBe(60);
    for (const c of others) await c.stream.stop();
  });

  it.skipIf(testEngine() === 'pglite')('waits for a transaction that commits late instead of skipping it', async () => {
    // PGlite has one connection: transactions cannot interleave there, so this runs on PostgreSQL.
    const { fan } = await signupFan(t.app);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inFlight = new Promise<void>((resolve) => (written = resolve));
    // A: records first (lower id, older transaction) and commits last.
    const late = inTransaction(system(), async (tx) => {
      await record(tx, fan.id);
      written();
      await gate;
    });
    await inFlight;
    // B: records and commits while A is open.
    await record(system(), fan.id);
    t.container.stream.notify();
    await t.container.stream.idle();
    expect(await follows()).toBe(0); // B waits behind A, neither is skipped
    release();
    await late;
    await t.settle();
    expect(await follows()).toBe(2);
  });

  it.skipIf(testEngine() === 'pglite')('settles only once what a running transaction holds back is applied too, not after the part before it', async () => {
    const { fan } = await signupFan(t.app);
    await t.settle();
    await record(system(), fan.id); // E1: readable at once
    const held = gate();
    // T: a transaction with an id, open while E2 commits after it: E2 waits behind T.
    const open = inTransaction(system(), async (tx) => {
      await tx.db.execute(sql`select pg_current_xact_id()`);
      held.started();
      await held.opened;
    });
    await held.began;
    await record(system(), fan.id); // E2
    let settled = false;
    const settling = t.settle().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(settled).toBe(false); // E1 is applied by now, E2 is not: not settled yet
    held.open();
    await open;
    await settling;
    expect(await follows()).toBe(2);
  });

  it('rebuilds every consumer to the state it reached incrementally', async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const ids: string[] = [];
    for (const title of ['One', 'Two']) {
      const a = await t.app.inject({ method: 'POST', url: '/api/admin/articles', headers: h, payload: { title } });
      await t.app.inject({ method: 'POST', url: `/api/admin/articles/${a.json().id}/publish`, headers: h });
      ids.push(a.json().id);
    }
    const DAY = 86_400_000;
    const start = Date.now() - 9 * DAY;
    const { articles, fans } = t.container.services;
    for (let f = 0; f < 6; f++) {
      const { fan } = await signupFan(t.app);
      const as = (at: number): Ctx => t.container.ctx({ kind: 'fan', fanId: fan.id }, { now: () => new Date(at) });
      await fans.follow(as(start + f * DAY), f % 2 ? `article:${ids[0]}` : 'direct');
      for (let d = 0; d <= f; d++) await articles.recordView(as(start + (f + d) * 3_600_000 * 7), ids[d % 2]!);
      if (f % 3 === 0) await articles.share(as(start + (f + 1) * DAY), ids[1]!);
      if (f % 2 === 0) await fans.unfollow(as(start + (f + 2) * DAY));
      await articles.recordView(t.container.ctx(), ids[0]!); // a visitor's view: no activity
    }
    await t.settle();
    const snapshot = async () => ({
      daily: rows(await t.database.db.execute(sql`select day::text, source_type, follows, unfollows from daily_follow_counts order by 1, 2`)),
      articles: rows(
        await t.database.db.execute(sql`select article_id, views, visitor_views, unique_reads, shares, follows, unfollows from article_stats order by 1`),
      ),
      signals: rows(
        await t.database.db.execute(
          sql`select fan_id, last_active_at, last_active_day::text, days_active, unique_reads, shares, level from fan_signals order by 1`,
        ),
      ),
    });
    const incremental = await snapshot();
    expect(incremental.daily.length).toBeGreaterThan(3);
    expect(incremental.articles.some((a) => Number((a as { visitor_views: number }).visitor_views) > 0)).toBe(true);
    // Wipe every derived figure, then rebuild each consumer from the stream.
    await t.database.db.execute(sql`update daily_follow_counts set follows = 999`);
    await t.database.db.execute(sql`update article_stats set views = views + 5, shares = 77`);
    await t.database.db.execute(sql`update fan_signals set days_active = 50, unique_reads = 0, last_active_at = null, last_active_day = null`);
    for (const name of t.container.stream.names()) await t.container.stream.rebuild(system(), name);
    await t.container.services.loyalty.relevelAll(system());
    // A rebuild covers the stream up to its settled end; on PostgreSQL a long transaction in another
    // database of the cluster can hold that end back, and the consumers then apply the rest from
    // the rebuild's position. Settled, the state equals the incremental one: nothing counted twice.
    await t.settle();
    expect(await snapshot()).toEqual(incremental);
  });

  it('a rebuild leaves the position at the settled end, so later activities count once', async () => {
    const { fan } = await signupFan(t.app);
    await record(system(), fan.id);
    await t.container.stream.rebuild(system(), INSIGHTS_CONSUMER);
    await record(system(), fan.id);
    await t.settle();
    expect(await follows()).toBe(2);
  });
});
