import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, resetDatabase, type TestDatabase } from '../../../test/engine.ts';
import type { Ctx } from '../../core/context.ts';
import { jobsRepository } from './jobs.repository.ts';
import { createJobRunner, type JobRunner } from './jobs.service.ts';
import { jobRuns } from './jobs.table.ts';
import { gate } from '../../../test/gate.ts';

describe('background jobs: queued once, run once across instances, never lost', () => {
  let database: TestDatabase;
  const runners: JobRunner[] = [];
  const log = pino({ level: 'silent' });
  const system = (): Ctx => ({ actor: { kind: 'system' }, db: database.db, now: () => new Date(), log });
  const staff = (): Ctx => ({ ...system(), actor: { kind: 'staff', staffId: '00000000-0000-4000-8000-000000000001', role: 'owner' } });
  /** One runner per simulated server instance, over the same database. */
  const instance = () => {
    const r = createJobRunner({ repo: jobsRepository, systemCtx: system });
    runners.push(r);
    return r;
  };
  const runs = async () => (await database.db.select().from(jobRuns)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  beforeEach(async () => {
    for (const r of runners.splice(0)) await r.idle();
    await resetDatabase(database);
  });
  afterAll(async () => {
    for (const r of runners) await r.idle();
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

  it('refuses a second run at once while one is running (CLI or schedule on another instance)', async () => {
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
    await b.enqueue(staff(), 'slow');
    await b.idle();
    expect((await runs()).map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
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

  it('fails a run whose process died (no heartbeat) and runs it again', async () => {
    const jobs = instance();
    let ran = 0;
    jobs.define('rebuild', async () => {
      ran += 1;
      return {};
    });
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
    await jobs.start();
    await jobs.idle();
    await jobs.stop();
    expect(ran).toBe(1);
    expect((await runs()).map((r) => [r.status, r.requestedBy])).toEqual([
      ['failed', 'cli'],
      ['succeeded', 'retry'],
    ]);
  });

  it('never takes a run this process is still executing for dead, however late its heartbeat', async () => {
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

  it('on shutdown marks a run in progress as interrupted and queues it again for the next instance', async () => {
    const a = instance();
    const g = gate();
    a.define('rebuild', async () => {
      g.started();
      await g.opened;
      return {};
    });
    await a.enqueue(staff(), 'rebuild');
    await g.began;
    await a.stop();
    g.open();
    await a.idle();
    expect((await runs()).map((r) => [r.status, r.requestedBy])).toEqual([
      ['failed', 'staff:00000000-0000-4000-8000-000000000001'],
      ['queued', 'retry'],
    ]);
    const b = instance();
    let ran = false;
    b.define('rebuild', async () => {
      ran = true;
      return {};
    });
    await b.start();
    await b.idle();
    await b.stop();
    expect(ran).toBe(true);
    expect((await runs()).at(-1)!.status).toBe('succeeded');
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
    for (const jobs of fleet) await jobs.idle();
    for (const jobs of fleet) await jobs.idle();
    const all = await runs();
    expect(all.every((r) => r.status === 'succeeded')).toBe(true);
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
