import { and, desc, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobRuns, type JobRun } from './jobs.table.ts';

const rowsOf = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

export const jobsRepository = {
  /** Queues a run unless one already waits (then that one is returned: it will see the latest state). */
  async enqueue(db: Db, run: { id: string; name: string; requestedBy: string; at: Date }): Promise<JobRun> {
    // The waiting run can be claimed between our insert and our read: then queue again.
    for (;;) {
      const [inserted] = await db
        .insert(jobRuns)
        .values({ id: run.id, name: run.name, status: 'queued', requestedBy: run.requestedBy, createdAt: run.at })
        .onConflictDoNothing()
        .returning();
      if (inserted) return inserted;
      const [waiting] = await db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.name, run.name), eq(jobRuns.status, 'queued')));
      if (waiting) return waiting;
    }
  },

  /** Marks running runs whose heartbeat stopped before `staleBefore` as failed (their process died); returns how many. */
  async failStale(db: Db, name: string, staleBefore: Date, at: Date, alive: string[] = []): Promise<number> {
    const rows = await db
      .update(jobRuns)
      .set({ status: 'failed', error: 'interrupted: the process running it stopped', finishedAt: at })
      .where(
        and(eq(jobRuns.name, name), eq(jobRuns.status, 'running'), lt(jobRuns.heartbeatAt, staleBefore), alive.length ? notInArray(jobRuns.id, alive) : undefined),
      )
      .returning({ id: jobRuns.id });
    return rows.length;
  },

  /** Marks these runs, still running in a process that is shutting down, as interrupted. */
  async interrupt(db: Db, ids: string[], at: Date) {
    if (ids.length === 0) return;
    await db
      .update(jobRuns)
      .set({ status: 'failed', error: 'interrupted: the server shut down', finishedAt: at })
      .where(and(inArray(jobRuns.id, ids), eq(jobRuns.status, 'running')));
  },

  /**
   * Takes the queued run of `name` if no run of it is running. Two instances racing here meet
   * the one-running unique index: the loser gets nothing.
   */
  async claim(db: Db, name: string, at: Date): Promise<JobRun | undefined> {
    try {
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`
          update job_runs set status = 'running', started_at = ${at.toISOString()}::timestamptz, heartbeat_at = ${at.toISOString()}::timestamptz
          where id = (select id from job_runs where name = ${name} and status = 'queued' limit 1 for update skip locked)
            and not exists (select 1 from job_runs where name = ${name} and status = 'running')
          returning id`),
      );
      if (rows.length === 0) return undefined;
      const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, rows[0]!.id));
      return run;
    } catch (err) {
      if ((err as { code?: string }).code === '23505') return undefined;
      throw err;
    }
  },

  /** Starts a run directly (CLI, schedule); undefined if one is already running. */
  async startNow(db: Db, run: { id: string; name: string; requestedBy: string; at: Date }): Promise<JobRun | undefined> {
    const [row] = await db
      .insert(jobRuns)
      .values({ id: run.id, name: run.name, status: 'running', requestedBy: run.requestedBy, createdAt: run.at, startedAt: run.at, heartbeatAt: run.at })
      .onConflictDoNothing()
      .returning();
    return row;
  },

  async progress(db: Db, id: string, done: number, total: number | null, at: Date) {
    await db
      .update(jobRuns)
      .set({ done, total, heartbeatAt: at })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.status, 'running')));
  },

  async finish(db: Db, id: string, outcome: { status: 'succeeded' | 'failed'; result?: Record<string, unknown>; error?: string }, at: Date) {
    await db
      .update(jobRuns)
      .set({ status: outcome.status, result: outcome.result ?? null, error: outcome.error ?? null, finishedAt: at, heartbeatAt: at })
      .where(and(eq(jobRuns.id, id), eq(jobRuns.status, 'running')));
  },

  /** The newest run of each name. */
  async latest(db: Db, names: string[]): Promise<JobRun[]> {
    if (names.length === 0) return [];
    return db.selectDistinctOn([jobRuns.name]).from(jobRuns).where(inArray(jobRuns.name, names)).orderBy(jobRuns.name, desc(jobRuns.createdAt));
  },

  /** The newest finished run of each name. */
  async lastFinished(db: Db, names: string[]): Promise<JobRun[]> {
    if (names.length === 0) return [];
    return db
      .selectDistinctOn([jobRuns.name])
      .from(jobRuns)
      .where(and(inArray(jobRuns.name, names), inArray(jobRuns.status, ['succeeded', 'failed'])))
      .orderBy(jobRuns.name, desc(jobRuns.finishedAt));
  },

  async queuedNames(db: Db): Promise<string[]> {
    const rows = await db.selectDistinct({ name: jobRuns.name }).from(jobRuns).where(eq(jobRuns.status, 'queued'));
    return rows.map((r) => r.name);
  },
};
export type JobsRepository = typeof jobsRepository;
