import { requireStaff } from '../../core/access.ts';
import { inOpenTransaction, inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type PageQuery } from '../../core/pagination.ts';
import type { AnyStep, StepMeta, Workflow } from './workflow-definition.ts';
import type { RunFilter, WorkflowsRepository } from './workflows.repository.ts';
import { toWorkflowRunDto, type WorkflowRunDto } from './workflows.schemas.ts';

export type RunOptions = {
  /** The Idempotency-Key the run answers, recorded on the run so staff can find it. */
  key?: string | null;
};

/** No run lasts this long: one still `running` after it was left by a process that stopped. */
export const ABANDONED_AFTER_MS = 6 * 60 * 60_000;

/** The error as recorded: an AppError's code and message, or the first line of any other. */
export const describeError = (err: unknown): string => {
  const text = err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.slice(0, 2000);
};

const requester = (ctx: Ctx): string =>
  ctx.actor.kind === 'staff' ? `staff:${ctx.actor.staffId}` : ctx.actor.kind === 'fan' ? `fan:${ctx.actor.fanId}` : ctx.actor.kind;

/** JSON for the record; an output JSON cannot hold is noted rather than failing the run. */
function recordable(ctx: Ctx, step: AnyStep, output: unknown): unknown {
  try {
    const kept = step.options.record ? step.options.record(output) : output;
    return kept === undefined ? null : (JSON.parse(JSON.stringify(kept)) as unknown);
  } catch (err) {
    ctx.log.warn({ err, step: step.id }, 'workflow step output could not be recorded');
    return { unrecorded: describeError(err) };
  }
}

/**
 * Runs workflows step by step and records every run in workflow_runs / workflow_steps. When a
 * step fails, the compensations of the steps already done run in reverse order; each outcome is
 * recorded (a failing one marks the run `compensation_failed` for staff to finish by hand) and
 * the step's original error is thrown.
 *
 * There is no transaction around the run: steps that reach outside the database (a payment
 * provider, the Redis stock gate) cannot be rolled back by one, which is what compensations are
 * for. A step that writes only to this database may ask for its own (`transaction: true`).
 */
export function createWorkflowRunner(deps: { repo: WorkflowsRepository }) {
  const { repo } = deps;

  /** A record written while handling a failure must not hide the failure itself. */
  async function noting(ctx: Ctx, what: string, write: () => Promise<void>) {
    try {
      await write();
    } catch (err) {
      ctx.log.error({ err }, `workflow record failed: ${what}`);
    }
  }

  async function compensate(ctx: Ctx, runId: string, done: { position: number; step: AnyStep; input: unknown; output: unknown; meta: StepMeta }[]) {
    let undone = 0;
    let failed = 0;
    for (const { position, step, input, output, meta } of [...done].reverse()) {
      const undo = step.compensate;
      if (!undo) continue;
      try {
        if (step.options.transaction) {
          await inTransaction(ctx, async (tx) => {
            await undo(tx, output, input, meta);
            await repo.markCompensation(tx.db, runId, position, { status: 'compensated', error: null }, tx.now());
          });
        } else {
          await undo(ctx, output, input, meta);
          await noting(ctx, 'compensated', () => repo.markCompensation(ctx.db, runId, position, { status: 'compensated', error: null }, ctx.now()));
        }
        undone += 1;
      } catch (err) {
        failed += 1;
        ctx.log.error({ err, run: runId, step: step.id }, 'workflow compensation failed: needs a hand');
        await noting(ctx, 'compensation failed', () =>
          repo.markCompensation(ctx.db, runId, position, { status: 'compensation_failed', error: describeError(err) }, ctx.now()),
        );
      }
    }
    return failed > 0 ? 'compensation_failed' : undone > 0 ? 'compensated' : 'failed';
  }

  return {
    /**
     * Runs `workflow` on `input` and returns the last step's output. Callers check access before
     * (the services the steps call check it again). Must not be called inside a transaction: a
     * failed run's records would roll back with it.
     */
    async run<I, O>(ctx: Ctx, workflow: Workflow<I, O>, input: I, options: RunOptions = {}): Promise<O> {
      if (inOpenTransaction(ctx)) throw new Error(`workflow ${workflow.name}: run it outside a transaction, so its records survive a failure`);
      const runId = newId();
      const key = options.key ?? null;
      await repo.insertRun(ctx.db, { id: runId, name: workflow.name, idempotencyKey: key, requestedBy: requester(ctx), at: ctx.now() });
      const done: { position: number; step: AnyStep; input: unknown; output: unknown; meta: StepMeta }[] = [];
      let value: unknown = input;
      for (const [position, step] of workflow.steps.entries()) {
        const meta: StepMeta = { runId, stepId: step.id, key };
        let finished = false;
        try {
          await repo.insertStep(ctx.db, { runId, position, stepId: step.id, at: ctx.now() });
          const stepInput = value;
          if (step.options.transaction) {
            value = await inTransaction(ctx, async (tx) => {
              const output = await step.invoke(tx, stepInput, meta);
              await repo.finishStep(tx.db, runId, position, { status: 'succeeded', output: recordable(ctx, step, output) }, tx.now());
              return output;
            });
            finished = true;
            done.push({ position, step, input: stepInput, output: value, meta });
          } else {
            value = await step.invoke(ctx, stepInput, meta);
            // Done from here on, even if its record cannot be written: a later failure undoes it.
            done.push({ position, step, input: stepInput, output: value, meta });
            await repo.finishStep(ctx.db, runId, position, { status: 'succeeded', output: recordable(ctx, step, value) }, ctx.now());
            finished = true;
          }
        } catch (err) {
          if (!finished) {
            await noting(ctx, 'step failed', () => repo.finishStep(ctx.db, runId, position, { status: 'failed', error: describeError(err) }, ctx.now()));
          }
          // A refusal (a file without an email column) is the caller's to hear, not a problem to log as one.
          const refused = err instanceof AppError && err.status < 500;
          ctx.log[refused ? 'info' : 'warn']({ err, run: runId, workflow: workflow.name, step: step.id }, 'workflow step failed; compensating');
          const status = await compensate(ctx, runId, done);
          await noting(ctx, 'run finished', () => repo.finishRun(ctx.db, runId, { status, error: `${step.id}: ${describeError(err)}` }, ctx.now()));
          throw err;
        }
      }
      await repo.finishRun(ctx.db, runId, { status: 'succeeded', error: null }, ctx.now());
      return value as O;
    },

    /** Runs for staff, newest first; `status: 'compensation_failed'` lists what needs a hand. */
    async listRuns(ctx: Ctx, filter: RunFilter, page: PageQuery): Promise<Page<WorkflowRunDto>> {
      requireStaff(ctx);
      const [runs, total] = await Promise.all([repo.listRuns(ctx.db, filter, { offset: offsetOf(page), limit: page.pageSize }), repo.countRuns(ctx.db, filter)]);
      const steps = await repo.stepsOf(
        ctx.db,
        runs.map((r) => r.id),
      );
      return {
        items: runs.map((r) =>
          toWorkflowRunDto(
            r,
            steps.filter((s) => s.runId === r.id),
          ),
        ),
        total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },

    /**
     * Marks runs left `running` by a process that stopped (started more than `olderThanMs` ago) as
     * failed, so staff see them as interrupted rather than forever in progress; their steps say how
     * far they got (what a hand must finish). Returns how many. Run by the maintenance schedule.
     */
    async abandonStale(ctx: Ctx, olderThanMs = ABANDONED_AFTER_MS): Promise<number> {
      requireStaff(ctx);
      const at = ctx.now();
      return repo.abandonStale(ctx.db, new Date(at.getTime() - olderThanMs), 'interrupted: the process running it stopped before it finished', at);
    },

    async getRun(ctx: Ctx, id: string): Promise<WorkflowRunDto> {
      requireStaff(ctx);
      const run = await repo.findRun(ctx.db, id);
      if (!run) throw new AppError('workflow.run_not_found');
      return toWorkflowRunDto(run, await repo.stepsOf(ctx.db, [id]));
    },
  };
}
export type WorkflowRunner = ReturnType<typeof createWorkflowRunner>;
