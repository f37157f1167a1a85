import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Queue, QueueJob } from '../queue/queue.service.ts';
import type { JobsRepository } from './jobs.repository.ts';
import type { JobRun } from './jobs.table.ts';

/** Reports progress; awaited, so a handler's progress is written before it goes on. */
export type JobProgress = (done: number, total?: number | null) => Promise<void>;
export type JobHandler = (ctx: Ctx, progress: JobProgress) => Promise<Record<string, unknown>>;
type ProgressListener = (done: number, total: number | null) => void;

/** What the queue carries for a run: the run staff asked for, or who a new one is for (a schedule). */
type RunRequest = { runId?: string; requestedBy?: string };

/**
 * An attempt still going after this long is taken for dead by pg-boss and run again: longer than
 * the longest run (a full recompute at a million fans takes minutes), which is also how long a
 * run whose process was killed shows as running before it is done again.
 */
const RUN_EXPIRE_SECONDS = 60 * 60;
/** Progress is written at most this often… */
const PROGRESS_MS = 1_000;
/** …and the heartbeat at least this often, even through a long single statement. */
const HEARTBEAT_MS = 30_000;

const requester = (ctx: Ctx, fallback: string) => (ctx.actor.kind === 'staff' ? `staff:${ctx.actor.staffId}` : fallback);

/**
 * Background jobs staff can watch, kept as runs in job_runs (progress, heartbeat, result) and
 * carried by the job queue: each job name is a one-at-a-time queue, so one run of it goes at a
 * time across instances and one waits. A run asked for is a job_runs row plus a job carrying its
 * id, written in one transaction; asking again while one waits returns the waiting one. pg-boss
 * hands a run cut short by a stop (at once) or a killed process (after RUN_EXPIRE_SECONDS) to an
 * instance that does it again, whole. A run that fails is recorded as failed and not retried: the
 * next ask runs it again.
 */
export function createJobRunner(deps: { repo: JobsRepository; queue: Queue; expireInSeconds?: number }) {
  const { repo, queue } = deps;
  const handlers = new Map<string, JobHandler>();
  /** Callers of `runNow` following a run's progress, by run id. */
  const listeners = new Map<string, ProgressListener>();

  function handlerOf(name: string): JobHandler {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`no job named ${name}`);
    return handler;
  }

  /** The run this job is for: its own if it waits or was cut short, else the one waiting, else (a schedule's) a new one. */
  async function take(ctx: Ctx, name: string, request: RunRequest): Promise<JobRun | undefined> {
    return inTransaction(ctx, async (tx) => {
      const at = tx.now();
      await repo.failAbandoned(tx.db, name, request.runId, at);
      const own = request.runId ? await repo.start(tx.db, request.runId, at) : undefined;
      const run = own ?? (await repo.startWaiting(tx.db, name, at));
      if (run || request.runId) return run;
      return repo.startNew(tx.db, { id: newId(), name, requestedBy: request.requestedBy ?? 'schedule', at });
    });
  }

  async function execute(ctx: Ctx, run: JobRun, job: QueueJob) {
    const { signal } = job;
    let last = 0;
    let state = { done: 0, total: null as number | null };
    const progress: JobProgress = async (done, total = null) => {
      // Handed back at shutdown: stop here; the next attempt does the run whole.
      signal.throwIfAborted();
      listeners.get(run.id)?.(done, total);
      state = { done, total };
      const now = Date.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      await repo.progress(ctx.db, run.id, done, total, ctx.now());
    };
    // The heartbeat says "this process is alive" while a handler sits in one long statement
    // (the signal rebuild over every activity takes minutes at a million fans).
    const heartbeat = setInterval(() => {
      repo.progress(ctx.db, run.id, state.done, state.total, ctx.now()).catch((err) => ctx.log.warn({ err, run: run.id }, 'job heartbeat failed'));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const result = await handlerOf(run.name)(ctx, progress);
      if (signal.aborted) return;
      await repo.finish(ctx.db, run.id, { status: 'succeeded', result }, ctx.now());
      ctx.log.info({ job: run.name, run: run.id, ...result }, 'job finished');
    } catch (err) {
      if (signal.aborted) return;
      ctx.log.error({ err, job: run.name, run: run.id }, 'job failed');
      await repo.finish(ctx.db, run.id, { status: 'failed', error: (err as Error).message.split('\n')[0] }, ctx.now());
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** A run waiting, or a new one, and the job for it (in the caller's transaction, if any). */
  async function ask(ctx: Ctx, name: string, requestedBy: string): Promise<JobRun> {
    return inTransaction(ctx, async (tx) => {
      const { run, created } = await repo.enqueue(tx.db, { id: newId(), name, requestedBy, at: tx.now() });
      if (created) await queue.send<RunRequest>(tx, name, { runId: run.id });
      return run;
    });
  }

  return {
    define(name: string, handler: JobHandler) {
      handlers.set(name, handler);
      queue.define<RunRequest>(
        name,
        async (ctx, request, job) => {
          const run = await take(ctx, name, request);
          if (run) await execute(ctx, run, job);
        },
        // Retried only when an attempt was cut short (a failed run is recorded, not retried).
        { oneAtATime: true, retryLimit: 3, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: deps.expireInSeconds ?? RUN_EXPIRE_SECONDS },
      );
    },

    /** Staff ask for a run; it starts in the background. A run that already waits is reused. */
    async enqueue(ctx: Ctx, name: string): Promise<JobRun> {
      requireStaff(ctx);
      handlerOf(name);
      return ask(ctx, name, requester(ctx, 'system'));
    },

    /**
     * Runs now in this process and waits (CLI): refused while a run is going (here or elsewhere);
     * a run that waits is the one run.
     */
    async runNow(ctx: Ctx, name: string, requestedBy: string, onProgress?: ProgressListener): Promise<JobRun> {
      requireStaff(ctx);
      handlerOf(name);
      if (await repo.isRunning(ctx.db, name)) throw new AppError('job.already_running', { job: name });
      const asked = await ask(ctx, name, requester(ctx, requestedBy));
      if (onProgress) listeners.set(asked.id, onProgress);
      try {
        await queue.drain([name]);
      } finally {
        listeners.delete(asked.id);
      }
      const run = await repo.findById(ctx.db, asked.id);
      if (run && (run.status === 'succeeded' || run.status === 'failed')) return run;
      // Another instance took it first.
      throw new AppError('job.already_running', { job: name });
    },

    /** The newest run of each job, for the console. */
    async latest(ctx: Ctx, names: string[]) {
      requireStaff(ctx);
      const [latest, finished] = await Promise.all([repo.latest(ctx.db, names), repo.lastFinished(ctx.db, names)]);
      return { latest, finished };
    },

    /** Sends a run of `name` on this cron (UTC), once for all instances; it waits behind a running one like any other. */
    schedule(name: string, cron: string) {
      handlerOf(name);
      queue.schedule(name, cron, { requestedBy: 'schedule' } satisfies RunRequest);
    },

    /** Serve: the queue's (its polling, maintenance and schedules). */
    start: () => queue.start(),

    /** Resolves when every due job has run and none runs in this process (tests). */
    idle: () => queue.drain(),

    /** Shutdown: the queue's (runs still going after its grace period are handed back and done again). */
    stop: () => queue.stop(),
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
