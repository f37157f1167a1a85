import { and, asc, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workflowRuns, workflowSteps, type CompensationStatus, type WorkflowRun, type WorkflowRunStatus, type WorkflowStep } from './workflows.table.ts';

export type RunFilter = { status?: WorkflowRunStatus; name?: string };

const whereOf = (filter: RunFilter): SQL | undefined =>
  and(filter.status ? eq(workflowRuns.status, filter.status) : undefined, filter.name ? eq(workflowRuns.name, filter.name) : undefined);

export const workflowsRepository = {
  async insertRun(db: Db, run: { id: string; name: string; idempotencyKey: string | null; requestedBy: string; at: Date }) {
    await db.insert(workflowRuns).values({
      id: run.id,
      name: run.name,
      idempotencyKey: run.idempotencyKey,
      status: 'running',
      requestedBy: run.requestedBy,
      startedAt: run.at,
    });
  },

  async finishRun(db: Db, id: string, outcome: { status: Exclude<WorkflowRunStatus, 'running'>; error: string | null }, at: Date) {
    await db
      .update(workflowRuns)
      .set({ status: outcome.status, error: outcome.error, finishedAt: at })
      .where(and(eq(workflowRuns.id, id), eq(workflowRuns.status, 'running')));
  },

  /**
   * Runs still `running` that started before `startedBefore` were left by a process that stopped
   * (no run lasts that long): they, and their unfinished steps, are marked failed with `error`.
   */
  async abandonStale(db: Db, startedBefore: Date, error: string, at: Date): Promise<number> {
    const runs = await db
      .update(workflowRuns)
      .set({ status: 'failed', error, finishedAt: at })
      .where(and(eq(workflowRuns.status, 'running'), lt(workflowRuns.startedAt, startedBefore)))
      .returning({ id: workflowRuns.id });
    if (runs.length === 0) return 0;
    await db
      .update(workflowSteps)
      .set({ status: 'failed', error, finishedAt: at })
      .where(
        and(
          inArray(
            workflowSteps.runId,
            runs.map((r) => r.id),
          ),
          eq(workflowSteps.status, 'running'),
        ),
      );
    return runs.length;
  },

  async insertStep(db: Db, step: { runId: string; position: number; stepId: string; at: Date }) {
    await db.insert(workflowSteps).values({ runId: step.runId, position: step.position, stepId: step.stepId, status: 'running', startedAt: step.at });
  },

  async finishStep(db: Db, runId: string, position: number, outcome: { status: 'succeeded'; output: unknown } | { status: 'failed'; error: string }, at: Date) {
    await db
      .update(workflowSteps)
      .set(
        outcome.status === 'succeeded'
          ? { status: 'succeeded', output: outcome.output, finishedAt: at }
          : { status: 'failed', error: outcome.error, finishedAt: at },
      )
      .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.position, position)));
  },

  async markCompensation(db: Db, runId: string, position: number, outcome: { status: CompensationStatus; error: string | null }, at: Date) {
    await db
      .update(workflowSteps)
      .set({ compensation: outcome.status, compensationError: outcome.error, compensatedAt: at })
      .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.position, position)));
  },

  /** Newest first (workflow_runs_status_started_idx with a status, else workflow_runs_started_idx). */
  async listRuns(db: Db, filter: RunFilter, page: { offset: number; limit: number }): Promise<WorkflowRun[]> {
    return db
      .select()
      .from(workflowRuns)
      .where(whereOf(filter))
      .orderBy(desc(workflowRuns.startedAt), desc(workflowRuns.id))
      .limit(page.limit)
      .offset(page.offset);
  },

  async countRuns(db: Db, filter: RunFilter): Promise<number> {
    const [row] = await db.select({ n: count() }).from(workflowRuns).where(whereOf(filter));
    return row?.n ?? 0;
  },

  async findRun(db: Db, id: string): Promise<WorkflowRun | undefined> {
    const [row] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, id));
    return row;
  },

  /** The steps of these runs in order (primary key). */
  async stepsOf(db: Db, runIds: string[]): Promise<WorkflowStep[]> {
    if (runIds.length === 0) return [];
    return db.select().from(workflowSteps).where(inArray(workflowSteps.runId, runIds)).orderBy(asc(workflowSteps.runId), asc(workflowSteps.position));
  },
};
export type WorkflowsRepository = typeof workflowsRepository;
