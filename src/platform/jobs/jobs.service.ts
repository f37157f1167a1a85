import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { JobsRepository } from './jobs.repository.ts';
import type { JobRun } from './jobs.table.ts';

/** Reports progress; awaited, so a handler's progress is written before it goes on. */
export type JobProgress = (done: number, total?: number | null) => Promise<void>;
export type JobHandler = (ctx: Ctx, progress: JobProgress) => Promise<Record<string, unknown>>;

/** A running run whose heartbeat is older than this belongs to a process that died. */
const STALE_MS = 2 * 60_000;
/** Progress is written at most this often… */
const PROGRESS_MS = 1_000;
/** …and the heartbeat at least this often, even through a long single statement. */
const HEARTBEAT_MS = 30_000;
const POLL_MS = 30_000;

const requester = (ctx: Ctx, fallback: string) => (ctx.actor.kind === 'staff' ? `staff:${ctx.actor.staffId}` : fallback);

/**
 * Background jobs kept in job_runs: asked for by staff (queued, then run by whichever instance
 * claims it) or run on the spot by the CLI and the schedule. Handlers run as the system with
 * their own transactions; progress and the result are visible to staff while and after they run.
 */
export function createJobRunner(deps: { repo: JobsRepository; systemCtx: () => Ctx }) {
  const { repo, systemCtx } = deps;
  const handlers = new Map<string, JobHandler>();
  const loops = new Map<string, Promise<void>>();
  /** Names asked for while their loop was winding down: it goes round once more. */
  const again = new Set<string>();
  /** Runs executing in this process, by id → name. */
  const executing = new Map<string, string>();
  let poller: NodeJS.Timeout | undefined;
  let stopped = false;

  function handlerOf(name: string): JobHandler {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`no job named ${name}`);
    return handler;
  }

  async function execute(run: JobRun, onProgress?: (done: number, total: number | null) => void): Promise<JobRun> {
    const ctx = systemCtx();
    let last = 0;
    let state = { done: 0, total: null as number | null };
    const progress: JobProgress = async (done, total = null) => {
      onProgress?.(done, total);
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
    executing.set(run.id, run.name);
    try {
      const result = await handlerOf(run.name)(ctx, progress);
      await repo.finish(ctx.db, run.id, { status: 'succeeded', result }, ctx.now());
      ctx.log.info({ job: run.name, run: run.id, ...result }, 'job finished');
      return { ...run, status: 'succeeded', result };
    } catch (err) {
      ctx.log.error({ err, job: run.name, run: run.id }, 'job failed');
      await repo.finish(ctx.db, run.id, { status: 'failed', error: (err as Error).message.split('\n')[0] }, ctx.now());
      return { ...run, status: 'failed', error: (err as Error).message };
    } finally {
      clearInterval(heartbeat);
      executing.delete(run.id);
    }
  }

  /** A run whose process died is failed and asked for again, so its work is not lost. */
  async function recoverStale(ctx: Ctx, name: string) {
    // A run this process is executing is alive, however late its heartbeat (on the embedded
    // database it queues behind the handler's own statement).
    const failed = await repo.failStale(ctx.db, name, new Date(ctx.now().getTime() - STALE_MS), ctx.now(), [...executing.keys()]);
    if (failed > 0) await repo.enqueue(ctx.db, { id: newId(), name, requestedBy: 'retry', at: ctx.now() });
  }

  /** Runs queued runs of `name` in this process until none is left (or another instance has one running). */
  async function drain(name: string) {
    for (;;) {
      if (stopped) return;
      const ctx = systemCtx();
      await recoverStale(ctx, name);
      const run = await repo.claim(ctx.db, name, ctx.now());
      if (!run) return;
      await execute(run);
    }
  }

  function kick(name: string) {
    if (stopped) return;
    if (loops.has(name)) {
      again.add(name);
      return;
    }
    const loop = drain(name)
      .catch((err) => systemCtx().log.error({ err, job: name }, 'job runner failed'))
      .finally(() => {
        loops.delete(name);
        if (again.delete(name)) kick(name);
      });
    loops.set(name, loop);
  }

  return {
    define(name: string, handler: JobHandler) {
      handlers.set(name, handler);
    },

    /** Staff ask for a run; it starts in the background. A run that already waits is reused. */
    async enqueue(ctx: Ctx, name: string): Promise<JobRun> {
      requireStaff(ctx);
      handlerOf(name);
      const run = await repo.enqueue(ctx.db, { id: newId(), name, requestedBy: requester(ctx, 'system'), at: ctx.now() });
      kick(name);
      return run;
    },

    /** Runs now in this process and waits (CLI, schedule); refused while another run is going. */
    async runNow(ctx: Ctx, name: string, requestedBy: string, onProgress?: (done: number, total: number | null) => void): Promise<JobRun> {
      requireStaff(ctx);
      handlerOf(name);
      await recoverStale(ctx, name);
      const run = await repo.startNow(ctx.db, { id: newId(), name, requestedBy: requester(ctx, requestedBy), at: ctx.now() });
      if (!run) throw new AppError('job.already_running', { job: name });
      return execute(run, onProgress);
    },

    /** The newest run of each job, for the console. */
    async latest(ctx: Ctx, names: string[]) {
      requireStaff(ctx);
      const [latest, finished] = await Promise.all([repo.latest(ctx.db, names), repo.lastFinished(ctx.db, names)]);
      return { latest, finished };
    },

    /** Serve: pick up runs queued before this process started or by other instances, and keep looking. */
    /** Resolves once the first sweep has kicked off what was waiting. */
    async start() {
      const sweep = async () => {
        try {
          const ctx = systemCtx();
          for (const name of handlers.keys()) await recoverStale(ctx, name);
          for (const name of await repo.queuedNames(ctx.db)) if (handlers.has(name)) kick(name);
        } catch (err) {
          systemCtx().log.warn({ err }, 'job sweep failed');
        }
      };
      poller = setInterval(() => void sweep(), POLL_MS);
      poller.unref();
      await sweep();
    },

    /** Resolves when this process runs no job (tests; shutdown). */
    async idle() {
      while (loops.size) await Promise.all([...loops.values()]);
    },

    /**
     * Shutdown: no new runs start here; runs still going are marked interrupted and asked for
     * again at once, so the next instance (or this one, restarted) does them whole.
     */
    async stop() {
      stopped = true;
      if (poller) clearInterval(poller);
      const ctx = systemCtx();
      const running = [...executing.entries()];
      await repo.interrupt(
        ctx.db,
        running.map(([id]) => id),
        ctx.now(),
      );
      for (const name of new Set(running.map(([, n]) => n))) {
        await repo.enqueue(ctx.db, { id: newId(), name, requestedBy: 'retry', at: ctx.now() });
      }
    },
  };
}
export type JobRunner = ReturnType<typeof createJobRunner>;
