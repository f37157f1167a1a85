import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, resetDatabase, type TestDatabase } from '../../../test/engine.ts';
import type { Ctx } from '../../core/context.ts';
import { createQueue, type QueueSettings } from '../queue/queue.service.ts';
import { jobsRepository } from './jobs.repository.ts';
import { createJobRunner, type JobRunner } from './jobs.service.ts';
import { jobRuns } from './jobs.table.ts';
import { gate } from '../../../test/gate.ts';

describe('background jobs: queued once, run once across instances, never lost (on the job queue)', () => {
  let database: TestDatabase;
  const runners: JobRunner[] = [];
  const log = pino({ level: 'silent' });
  const system = (): Ctx => ({ actor: { kind: 'system' }, db: database.db, now: () => new Date(), log });
  const staff = (): Ctx => ({ ...system(), actor: { kind: 'staff', staffId: '00000000-0000-4000-8000-000000000001', role: 'owner' } });
  /** One runner (and job queue) per simulated server instance, over the same database. */
  const instance = (opts: { expireInSeconds?: number; queue?: QueueSettings } = {}) => {
    const queue = createQueue({ db: database.db, engine: database.engine, systemCtx: system, settings: { stopGraceMs: 200, ...opts.queue } });
    const r = createJobRunner({ repo: jobsRepository, queue, expireInSeconds: opts.expireInSeconds });
    runners.push(r);
    return r;
  };
  const WAIT = { timeout: 30_000, interval: 100 };
  const runs = async () => (await database.db.select().from(jobRuns)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  beforeEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await resetDatabase(database);
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await database?.close();
  });

  it('runs a queued job in the background, with progress and result, and keeps one waiting run however often it is asked for', async () => {
    const jobs = instance();
    const g = gate();
    let calls = 0;
    jobs.define('count', async (_ctx, progress) => {
      calls += 1;
      g.started();
      await g.opened;
      await progress(3, 3);
      return { counted: 3 };
    });
    const first = await jobs.enqueue(staff(), 'count');
    await g.began;
    // While it runs, two more asks collapse into one waiting run.
    const second = await jobs.enqueue(staff(), 'count');
    const third = await jobs.enqueue(staff(), 'count');
    expect(second.id).toBe(third.id);
    expect(second.id).not.toBe(first.id);
    g.open();
    await jobs.idle();
    expect(calls).toBe(2);
    const all = await runs();
    expect(all.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(all[0]).toMatchObject({ done: 3, total: 3, result: { counted: 3 }, requestedBy: 'staff:00000000-0000-4000-8000-000000000001' });
  });

  it('refuses a second run at once while one is running (CLI or schedule on another instance); the waiting run follows it', async () => {
    const a = instance();
    const b = instance();
    const g = gate();
    for (const r of [a, b]) {
      r.define('slow', async () => {
        g.started();
        await g.opened;
        return {};
      });
    }
    const running = a.runNow(system(), 'slow', 'cli');
    await g.began;
    await expect(b.runNow(system(), 'slow', 'schedule')).rejects.toMatchObject({ status: 409, code: 'job.already_running' });
    // A queued run waits for the running one instead of running beside it.
    await b.enqueue(staff(), 'slow');
    await b.idle();
    expect((await runs()).map((r) => r.status)).toEqual(['running', 'queued']);
    g.open();
    expect((await running).status).toBe('succeeded');
    await b.idle();
    expect((await runs()).map((r) => [r.status, r.requestedBy])).toEqual([
      ['succeeded', 'cli'],
      ['succeeded', 'staff:00000000-0000-4000-8000-000000000001'],
    ]);
  });

  it('records a failed run with its error, and the next ask runs again', async () => {
    const jobs = instance();
    let fail = true;
    jobs.define('flaky', async () => {
      if (fail) throw new Error('disk full\nstack…');
      return { ok: true };
    });
    await jobs.enqueue(staff(), 'flaky');
    await jobs.idle();
    expect(await runs()).toMatchObject([{ status: 'failed', error: 'disk full' }]);
    fail = false;
    await jobs.enqueue(staff(), 'flaky');
    await jobs.idle();
    expect((await runs()).map((r) => r.status)).toEqual(['failed', 'succeeded']);
  });

  it('does a run again once the attempt of a process that died expires, and fails runs left running with no job', async () => {
    const dead = instance({ expireInSeconds: 1 });
    const g = gate();
    dead.define('rebuild', async () => {
      g.started();
      await g.opened; // never, as a process killed mid-run
      return { by: 'dead' };
    });
    await dead.enqueue(staff(), 'rebuild');
    await g.began;
    const alive = instance({ expireInSeconds: 1, queue: { maintenanceSeconds: 1, pollSeconds: 0.5 } });
    let ran = 0;
    alive.define('rebuild', async () => {
      ran += 1;
      return { by: 'alive' };
    });
    await alive.start();
    await vi.waitFor(async () => expect((await runs()).map((r) => r.status)).toEqual(['succeeded']), WAIT);
    expect(ran).toBe(1);
    // The attempt taken for dead ending after all changes nothing.
    g.open();
    await dead.idle();
    expect(await runs()).toMatchObject([{ status: 'succeeded', result: { by: 'alive' }, requestedBy: 'staff:00000000-0000-4000-8000-000000000001' }]);

    // A run left running by a process long gone whose job is no more: the next run fails it.
    await resetDatabase(database);
    const long = new Date(Date.now() - 10 * 60_000);
    await database.db.insert(jobRuns).values({
      id: '00000000-0000-4000-8000-0000000000aa',
      name: 'rebuild',
      status: 'running',
      requestedBy: 'cli',
      createdAt: long,
      startedAt: long,
      heartbeatAt: long,
    });
    await alive.enqueue(staff(), 'rebuild');
    await alive.idle();
    expect((await runs()).map((r) => [r.status, r.error, r.requestedBy])).toEqual([
      ['failed', 'interrupted: the process running it stopped', 'cli'],
      ['succeeded', null, 'staff:00000000-0000-4000-8000-000000000001'],
    ]);
  });

  it('never takes a run still executing for dead, however late its heartbeat', async () => {
    const jobs = instance();
    const g = gate();
    let ran = 0;
    jobs.define('rebuild', async () => {
      ran += 1;
      g.started();
      await g.opened;
      return {};
    });
    await jobs.enqueue(staff(), 'rebuild');
    await g.began;
    // As if one long statement had held the heartbeat back for ten minutes.
    await database.db.update(jobRuns).set({ heartbeatAt: new Date(Date.now() - 10 * 60_000) });
    await jobs.start();
    expect((await runs()).map((r) => r.status)).toEqual(['running']);
    g.open();
    await jobs.idle();
    await jobs.stop();
    expect(ran).toBe(1);
    expect((await runs()).map((r) => r.status)).toEqual(['succeeded']);
  });

  it('on shutdown hands a run in progress back, and the next instance does it whole', async () => {
    const a = instance();
    const g = gate();
    a.define('rebuild', async (_ctx, progress) => {
      g.started();
      await g.opened;
      await progress(1, 2);
      return { by: 'a' };
    });
    await a.enqueue(staff(), 'rebuild');
    await g.began;
    await a.stop();
    // The handed-back handler stops at its next progress and records nothing.
    g.open();
    await a.idle();
    expect((await runs()).map((r) => [r.status, r.done])).toEqual([['running', 0]]);
    const b = instance();
    b.define('rebuild', async (_ctx, progress) => {
      await progress(2, 2);
      return { by: 'b' };
    });
    await b.start();
    await b.idle();
    await b.stop();
    expect(await runs()).toMatchObject([{ status: 'succeeded', result: { by: 'b' }, requestedBy: 'staff:00000000-0000-4000-8000-000000000001' }]);
  });

  it('answers every one of many concurrent asks with a run, while runs are being claimed', async () => {
    // Three instances, each asked 30 times at once: a waiting run is often claimed between one
    // ask's insert and its read, and that ask must still get a run.
    const fleet = [instance(), instance(), instance()];
    let ran = 0;
    for (const jobs of fleet) {
      jobs.define('quick', async () => {
        ran += 1;
        return {};
      });
    }
    const asked = await Promise.all(fleet.flatMap((jobs) => Array.from({ length: 30 }, () => jobs.enqueue(staff(), 'quick'))));
    expect(asked.every((run) => run && run.name === 'quick')).toBe(true);
    // Each instance's drain stops at a run another instance holds: go round until all are done.
    await vi.waitFor(async () => {
      for (const jobs of fleet) await jobs.idle();
      expect((await runs()).every((r) => r.status === 'succeeded')).toBe(true);
    }, WAIT);
    const all = await runs();
    expect(ran).toBe(all.length);
    expect(new Set(asked.map((r) => r.id)).size).toBeLessThanOrEqual(all.length);
  });

  it('lets only staff and the system ask for jobs', async () => {
    const jobs = instance();
    jobs.define('x', async () => ({}));
    await expect(jobs.enqueue({ ...system(), actor: { kind: 'fan', fanId: '00000000-0000-4000-8000-000000000002' } }, 'x')).rejects.toMatchObject({
      status: 403,
    });
    await expect(jobs.enqueue({ ...system(), actor: { kind: 'anonymous' } }, 'x')).rejects.toMatchObject({ status: 401 });
    expect(await runs()).toEqual([]);
  });
});
