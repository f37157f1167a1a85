import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobRuns, type JobRun } from './jobs.table.ts';

export const jobsRepository = {
  /**
   * Queues a run unless one already waits; then that one is returned (it will see the latest
   * state) with `created` false.
   */
  async enqueue(db: Db, run: { id: string; name: string; requestedBy: string; at: Date }): Promise<{ run: JobRun; created: boolean }> {
    // The waiting run can start between our insert and our read: then queue again.
    for (;;) {
      const [inserted] = await db
        .insert(jobRuns)
        .values({ id: run.id, name: run.name, status: 'queued', requestedBy: run.requestedBy, createdAt: run.at })
        .onConflictDoNothing()
        .returning();
      if (inserted) return { run: inserted, created: true };
      const [waiting] = await db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.name, run.name), eq(jobRuns.status, 'queued')));
      if (waiting) return { run: waiting, created: false };
    }
  },

  /**
   * Marks the runs of `name` still `running`, other than `except`, as failed: the caller holds
   * the job's only active pg-boss job, so the process that ran them is gone.
   */
  async failAbandoned(db: Db, name: string, except: string | undefined, at: Date) {
    await db
      .update(jobRuns)
      .set({ status: 'failed', error: 'interrupted: the process running it stopped', finishedAt: at })
      .where(and(eq(jobRuns.name, name), eq(jobRuns.status, 'running'), except ? ne(jobRuns.id, except) : undefined));
  },

  /** Starts run `id` if it waits, or starts it again if an attempt of it was cut short. */
  async start(db: Db, id: string, at: Date): Promise<JobRun | undefined> {
    const [row] = await db
      .update(jobRuns)
      .set({ status: 'running', startedAt: at, heartbeatAt: at, done: 0, total: null })
      .where(and(eq(jobRuns.id, id), inArray(jobRuns.status, ['queued', 'running'])))
      .returning();
    return row;
  },

  /** Starts the waiting run of `name`, if there is one. */
  async startWaiting(db: Db, name: string, at: Date): Promise<JobRun | undefined> {
    const [row] = await db
      .update(jobRuns)
      .set({ status: 'running', startedAt: at, heartbeatAt: at })
      .where(and(eq(jobRuns.name, name), eq(jobRuns.status, 'queued')))
      .returning();
    return row;
  },

  /** Starts a new run (a scheduled one). */
  async startNew(db: Db, run: { id: string; name: string; requestedBy: string; at: Date }): Promise<JobRun> {
    const [row] = await db
      .insert(jobRuns)
      .values({ id: run.id, name: run.name, status: 'running', requestedBy: run.requestedBy, createdAt: run.at, startedAt: run.at, heartbeatAt: run.at })
      .returning();
    return row!;
  },

  async findById(db: Db, id: string): Promise<JobRun | undefined> {
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
    return row;
  },

  async isRunning(db: Db, name: string): Promise<boolean> {
    const rows = await db
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.name, name), eq(jobRuns.status, 'running')));
    return rows.length > 0;
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
};
export type JobsRepository = typeof jobsRepository;
