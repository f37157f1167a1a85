import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, resetDatabase, testEngine, type TestDatabase } from '../../../test/engine.ts';
import { gate } from '../../../test/gate.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { createDb, type Database } from '../../db/client.ts';
import { migrateQueueSchema } from '../../db/queue-schema.ts';
import { createQueue, type Queue, type QueueSettings } from './queue.service.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const WAIT = { timeout: 30_000, interval: 100 };

describe('job queue (pg-boss): jobs run once, after commit, on time, again after a failure or a dead process', () => {
  let database: TestDatabase;
  const queues: Queue[] = [];
  const others: Database[] = [];
  let logged: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const ctxOn = (db: Database['db']): Ctx => ({ actor: { kind: 'system' }, db, now: () => new Date(), log });
  const ctx = () => ctxOn(database.db);
  /** One queue per simulated server instance. */
  const instance = (settings: QueueSettings = {}, on: Database = database) => {
    const queue = createQueue({ db: on.db, engine: on.engine, systemCtx: () => ctxOn(on.db), settings: { stopGraceMs: 200, ...settings } });
    queues.push(queue);
    return queue;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  beforeEach(async () => {
    logged = [];
    await resetDatabase(database);
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
  });
  afterAll(async () => {
    for (const other of others) await other.close();
    await database?.close();
  });

  it('runs a job as the system with its data, and a job its handler sends, within one drain', async () => {
    const queue = instance();
    const seen: unknown[] = [];
    queue.define<{ n: number }>('count', async (c, data, job) => {
      seen.push({ actor: c.actor.kind, data, retryCount: job.retryCount });
      if (data.n < 2) await queue.send(c, 'count', { n: data.n + 1 });
    });
    expect(await queue.send(ctx(), 'count', { n: 0 })).toEqual(expect.any(String));
    await queue.drain();
    expect(seen).toEqual([0, 1, 2].map((n) => ({ actor: 'system', data: { n }, retryCount: 0 })));
  });

  it('never runs a job sent in a transaction that rolled back, and runs one whose transaction committed, not before', async () => {
    const queue = instance();
    const ran: string[] = [];
    queue.define<{ what: string }>('mail', async (_c, data) => {
      ran.push(data.what);
    });
    await expect(
      inTransaction(ctx(), async (tx) => {
        await queue.send(tx, 'mail', { what: 'rolled back' });
        throw new Error('the order failed');
      }),
    ).rejects.toThrow('the order failed');
    await inTransaction(ctx(), async (tx) => {
      await queue.send(tx, 'mail', { what: 'committed' });
      if (testEngine() === 'postgres') {
        // Another connection does not see it yet (on PGlite there is no other connection).
        const outside = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'mail'`));
        expect(outside[0]!.n).toBe(0);
      }
    });
    await queue.drain();
    expect(ran).toEqual(['committed']);
  });

  it('takes sends from many transactions at once into a new queue, each on its own connection (never one more: the pool may be used up)', async () => {
    const queue = instance();
    const ran: number[] = [];
    queue.define<{ n: number }>('welcome', async (_c, data) => {
      ran.push(data.n);
    });
    // More transactions than the test pool has connections (5), all before the queue exists.
    await Promise.all(Array.from({ length: 12 }, (_, n) => inTransaction(ctx(), (tx) => queue.send(tx, 'welcome', { n }))));
    await queue.drain();
    expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, n) => n));
  });

  it('does not run a delayed job before its time, and runs it once after', async () => {
    const queue = instance();
    const ranAt: number[] = [];
    queue.define('remind', async () => {
      ranAt.push(Date.now());
    });
    const startAfter = new Date(Date.now() + 1_500);
    await queue.send(ctx(), 'remind', {}, { startAfter });
    await queue.drain();
    expect(ranAt).toEqual([]);
    await vi.waitFor(async () => {
      await queue.drain();
      expect(ranAt.length).toBe(1);
    }, WAIT);
    expect(ranAt[0]).toBeGreaterThanOrEqual(startAfter.getTime());
    await queue.drain();
    expect(ranAt.length).toBe(1);
  });

  it('retries a failing job with growing waits up to its limit, logging each failure, then leaves it failed', async () => {
    const queue = instance();
    const attempts: { at: number; retryCount: number }[] = [];
    queue.define(
      'flaky',
      async (_c, _data, job) => {
        attempts.push({ at: Date.now(), retryCount: job.retryCount });
        throw new Error('provider unreachable');
      },
      { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true },
    );
    await queue.send(ctx(), 'flaky', {});
    await queue.drain();
    // The first retry waits: it is not due at once.
    expect(attempts.length).toBe(1);
    await vi.waitFor(async () => {
      await queue.drain();
      expect(attempts.length).toBe(3);
    }, WAIT);
    expect(attempts.map((a) => a.retryCount)).toEqual([0, 1, 2]);
    // Backoff: about 1 s, then about 2 s (each at least that, with up to as much again of jitter).
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2_000);
    await new Promise((r) => setTimeout(r, 1_000));
    await queue.drain();
    expect(attempts.length).toBe(3);
    const failures = logged.filter((l) => l.queue === 'flaky');
    expect(failures.map((l) => [l.level, l.msg, (l.err as { message: string }).message])).toEqual([
      [50, 'job failed; it will be retried', 'provider unreachable'],
      [50, 'job failed; it will be retried', 'provider unreachable'],
      [50, 'job failed; no retries left', 'provider unreachable'],
    ]);
    const state = rowsOf<{ state: string }>(await database.db.execute(sql`select state::text from pgboss.job where name = 'flaky'`));
    expect(state).toEqual([{ state: 'failed' }]);
  });

  it('hands a running job back when its instance stops, and another instance runs it again', async () => {
    const a = instance();
    const g = gate();
    const runs: { by: string; retryCount: number; aborted: boolean }[] = [];
    // Retried at once (no delay), as the job runner's jobs are.
    const now = { retryDelaySeconds: 0, retryBackoff: false };
    a.define(
      'rebuild',
      async (_c, _d, job) => {
        g.started();
        await g.opened;
        runs.push({ by: 'a', retryCount: job.retryCount, aborted: job.signal.aborted });
      },
      now,
    );
    await a.send(ctx(), 'rebuild', {});
    await g.began;
    await a.stop(); // the handler is still running after the grace period
    const b = instance();
    b.define(
      'rebuild',
      async (_c, _d, job) => {
        runs.push({ by: 'b', retryCount: job.retryCount, aborted: job.signal.aborted });
      },
      now,
    );
    await b.drain();
    expect(runs).toEqual([{ by: 'b', retryCount: 1, aborted: false }]);
    g.open();
    await vi.waitFor(() => expect(runs.length).toBe(2), WAIT);
    // The handed-back attempt learns it was handed back; its end changes nothing.
    expect(runs[1]).toEqual({ by: 'a', retryCount: 0, aborted: true });
    await b.drain();
    expect(runs.length).toBe(2);
  });

  it('runs a job again once the attempt of a process that died has expired', async () => {
    const dead = instance();
    const g = gate();
    dead.define(
      'rebuild',
      async () => {
        g.started();
        await g.opened; // never, as a process killed mid-run
      },
      { expireInSeconds: 1, retryDelaySeconds: 0, retryBackoff: false },
    );
    await dead.send(ctx(), 'rebuild', {});
    await g.began;
    const alive = instance({ maintenanceSeconds: 1, pollSeconds: 0.5 });
    const retries: number[] = [];
    alive.define(
      'rebuild',
      async (_c, _d, job) => {
        retries.push(job.retryCount);
      },
      { expireInSeconds: 1, retryDelaySeconds: 0, retryBackoff: false },
    );
    await alive.start();
    await vi.waitFor(() => expect(retries).toEqual([1]), WAIT);
    g.open();
  });

  it('dedupes a job by its singletonKey while one waits; a one-at-a-time queue runs one at a time and keeps one waiting', async () => {
    const queue = instance();
    const ran: string[] = [];
    queue.define<{ member: string }>('renew', async (_c, data) => {
      ran.push(data.member);
    });
    // Reminders a day before renewal: asked for twice, one is kept.
    const tomorrow = { startAfter: new Date(Date.now() + 86_400_000) };
    expect(await queue.send(ctx(), 'renew', { member: 'a' }, { ...tomorrow, singletonKey: 'member:a' })).toEqual(expect.any(String));
    expect(await queue.send(ctx(), 'renew', { member: 'a' }, { ...tomorrow, singletonKey: 'member:a' })).toBeNull();
    expect(await queue.send(ctx(), 'renew', { member: 'b' }, { ...tomorrow, singletonKey: 'member:b' })).toEqual(expect.any(String));
    // Keyless jobs never stand in for each other.
    expect(await queue.send(ctx(), 'renew', { member: 'c' }, tomorrow)).toEqual(expect.any(String));
    expect(await queue.send(ctx(), 'renew', { member: 'c' }, tomorrow)).toEqual(expect.any(String));
    const waiting = rowsOf<{ key: string | null; n: number }>(
      await database.db.execute(sql`select data->>'member' as key, count(*)::int as n from pgboss.job where name = 'renew' group by 1 order by 1`),
    );
    expect(waiting).toEqual([
      { key: 'a', n: 1 },
      { key: 'b', n: 1 },
      { key: 'c', n: 2 },
    ]);
    // Once it has run, the key is free again.
    await queue.send(ctx(), 'renew', { member: 'd' }, { singletonKey: 'member:d' });
    await queue.drain();
    expect(ran).toEqual(['d']);
    expect(await queue.send(ctx(), 'renew', { member: 'd' }, { ...tomorrow, singletonKey: 'member:d' })).toEqual(expect.any(String));

    const g = gate();
    let runningNow = 0;
    let most = 0;
    const other = instance();
    for (const q of [queue, other]) {
      q.define(
        'recount',
        async () => {
          runningNow += 1;
          most = Math.max(most, runningNow);
          g.started();
          await g.opened;
          runningNow -= 1;
        },
        { oneAtATime: true },
      );
    }
    expect(await queue.send(ctx(), 'recount', {})).toEqual(expect.any(String));
    await g.began;
    expect(await other.send(ctx(), 'recount', {})).toEqual(expect.any(String)); // waits behind the running one
    expect(await other.send(ctx(), 'recount', {})).toBeNull(); // one waits already
    await other.drain(); // cannot take it while the first runs
    expect(most).toBe(1);
    g.open();
    await queue.drain();
    await other.drain();
    expect(most).toBe(1);
    const states = rowsOf<{ state: string }>(await database.db.execute(sql`select state::text from pgboss.job where name = 'recount'`));
    expect(states).toEqual([{ state: 'completed' }, { state: 'completed' }]);
  });

  it('sends a scheduled job once a minute for all instances together, in UTC', async () => {
    const seen: string[] = [];
    const fleet = [instance({ cronSeconds: 1, pollSeconds: 0.5 }), instance({ cronSeconds: 1, pollSeconds: 0.5 })];
    for (const [i, q] of fleet.entries()) {
      q.define('tick', async () => {
        seen.push(`instance ${i}`);
      });
      q.schedule('tick', '* * * * *', { every: 'minute' });
    }
    for (const q of fleet) await q.start();
    const stored = rowsOf<{ name: string; cron: string; timezone: string }>(await database.db.execute(sql`select name, cron, timezone from pgboss.schedule`));
    expect(stored).toEqual([{ name: 'tick', cron: '* * * * *', timezone: 'UTC' }]);
    await vi.waitFor(() => expect(seen.length).toBe(1), WAIT);
    for (const q of fleet) await q.drain();
    expect(seen.length).toBe(1);
  });

  it('makes its queues from several instances at once (each alters pg-boss tables: never a deadlock)', async () => {
    const fleet = [instance(), instance()];
    const names = Array.from({ length: 6 }, (_, i) => `fresh.${i}`);
    const ran: number[] = [];
    for (const q of fleet) {
      for (const name of names) {
        q.define<{ n: number }>(name, async (_c, data) => {
          ran.push(data.n);
        });
      }
    }
    await Promise.all(fleet.flatMap((q, i) => names.map((name, j) => q.send(ctx(), name, { n: i * 10 + j }))));
    await Promise.all(fleet.map((q) => q.drain()));
    expect(ran.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]);
    expect(logged.filter((l) => (l.level as number) >= 40)).toEqual([]);
  });

  it.runIf(testEngine() === 'postgres')('runs each job once across two instances over one PostgreSQL database', async () => {
    const second = await createDb({ engine: 'postgres', url: database.url!, poolSize: 5 });
    others.push(second);
    const ran: number[] = [];
    const fleet = [instance(), instance({}, second)];
    for (const q of fleet) {
      q.define<{ n: number }>('deliver', async (_c, data) => {
        await new Promise((r) => setTimeout(r, 5));
        ran.push(data.n);
      });
    }
    for (let n = 0; n < 40; n++) await fleet[n % 2]!.send(ctxOn(n % 2 ? second.db : database.db), 'deliver', { n });
    await Promise.all(fleet.map((q) => q.drain()));
    await Promise.all(fleet.map((q) => q.drain()));
    expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it('migrates its schema once: again, or from a second instance at the same time, changes nothing', async () => {
    const queue = instance();
    queue.define('kept', async () => {});
    await queue.send(ctx(), 'kept', {});
    const second = testEngine() === 'postgres' ? await createDb({ engine: 'postgres', url: database.url!, poolSize: 2 }) : database;
    if (second !== database) others.push(second);
    await Promise.all([migrateQueueSchema(database.db), migrateQueueSchema(second.db)]);
    const versions = rowsOf<{ version: number }>(await database.db.execute(sql`select version from pgboss.version`));
    expect(versions.length).toBe(1);
    const jobs = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'kept'`));
    expect(jobs[0]!.n).toBe(1);
  });
});
