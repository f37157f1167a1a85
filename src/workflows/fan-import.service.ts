import { requireStaff } from '../core/access.ts';
import type { Ctx } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { FanImportRepository, FanImportSummary } from './fan-import.repository.ts';
import type { FanImportDto, ImportReport } from './fan-import.schemas.ts';
import type { FanImportWorkflow } from './fan-import.workflow.ts';

/** Files with up to this many data lines are imported within the request; larger ones in the background. */
export const INLINE_MAX_ROWS = 2_000;
/** A running import whose heartbeat is older than this belongs to a process that died. */
const STALE_MS = 2 * 60_000;
/** Progress (and the heartbeat) is written at most this often. */
const PROGRESS_MS = 1_000;
/** Queued imports of other instances, and stale ones, are looked for this often. */
const POLL_MS = 30_000;
const RECENT = 20;

const requester = (ctx: Ctx) => (ctx.actor.kind === 'staff' ? `staff:${ctx.actor.staffId}` : 'system');

/**
 * Data lines of a CSV: its lines less the header, not counting blank ones at the end. With `cap`,
 * counting stops once there are more than `cap` (the answer is then `cap + 1`): deciding whether a
 * 64 MB file is small does not read all of it.
 */
function dataLines(csv: string, cap = Infinity): number {
  let lines = 0;
  for (let i = csv.indexOf('\n'); i !== -1; i = csv.indexOf('\n', i + 1)) if (++lines >= cap + 2) return cap + 1;
  const lastLine = csv.slice(csv.lastIndexOf('\n') + 1).trim();
  return Math.max(0, lines + (lastLine ? 1 : 0) - 1);
}

const toDto = (row: FanImportSummary): FanImportDto => ({
  id: row.id,
  status: row.status,
  sizeBytes: row.sizeBytes,
  rowsTotal: row.rowsTotal,
  rowsDone: row.rowsDone,
  report: row.report ?? null,
  error: row.errorCode ? { code: row.errorCode, message: row.error ?? '' } : null,
  createdAt: row.createdAt.toISOString(),
  startedAt: row.startedAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * Fan imports in the background: a large upload is stored and answered at once with its id; the
 * import runs in whichever instance claims it, one at a time per instance, writing its progress
 * as it goes; staff follow it and read the report when it is done. An instance that stops hands
 * its import back to the queue, and one whose process died is taken up again once its heartbeat
 * is stale; re-importing the file from the start changes nothing already imported.
 */
export function createFanImportService(deps: { repo: FanImportRepository; workflow: FanImportWorkflow; systemCtx: () => Ctx; inlineMaxRows?: number }) {
  const { repo, workflow, systemCtx } = deps;
  const inlineMaxRows = deps.inlineMaxRows ?? INLINE_MAX_ROWS;
  let loop: Promise<void> | undefined;
  let again = false;
  let poller: NodeJS.Timeout | undefined;
  let stopped = false;
  let shutdown = new AbortController();
  /** Imports running in this process. */
  const executing = new Set<string>();

  async function execute(run: NonNullable<Awaited<ReturnType<FanImportRepository['claim']>>>) {
    const ctx = systemCtx();
    executing.add(run.id);
    let last = 0;
    try {
      const report: ImportReport = await workflow.run(
        ctx,
        run.csv ?? '',
        async (rows) => {
          const now = Date.now();
          if (now - last < PROGRESS_MS) return;
          last = now;
          await repo.progress(ctx.db, run.id, rows, ctx.now());
        },
        { key: run.idempotencyKey, signal: shutdown.signal },
      );
      await repo.succeed(ctx.db, run.id, report, ctx.now());
      ctx.log.info({ import: run.id, rows: report.rows, created: report.created, rejected: report.rejected }, 'fan import finished');
    } catch (err) {
      if (shutdown.signal.aborted) {
        // Shutting down: back to the queue, for the next instance (or this one, restarted).
        await repo.requeue(ctx.db, [run.id]);
        return;
      }
      const error =
        err instanceof AppError ? { code: err.code, message: err.message } : { code: 'import.failed', message: (err as Error).message.split('\n')[0]! };
      ctx.log.error({ err, import: run.id }, 'fan import failed');
      await repo.fail(ctx.db, run.id, error, ctx.now());
    } finally {
      executing.delete(run.id);
    }
  }

  async function drain() {
    for (;;) {
      if (stopped) return;
      const ctx = systemCtx();
      await repo.requeueStale(ctx.db, new Date(ctx.now().getTime() - STALE_MS), [...executing]);
      const run = await repo.claim(ctx.db, ctx.now());
      if (!run) return;
      await execute(run);
    }
  }

  function kick() {
    if (stopped) return;
    if (loop) {
      again = true;
      return;
    }
    loop = drain()
      .catch((err) => systemCtx().log.error({ err }, 'fan import runner failed'))
      .finally(() => {
        loop = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    /** Whether a file this size is imported within the request (true) or in the background. */
    runsInline: (csv: string) => dataLines(csv, inlineMaxRows) <= inlineMaxRows,

    /** Stores the upload and starts its import in the background; answers at once. */
    async submit(ctx: Ctx, csv: string, options: { key?: string | null } = {}): Promise<FanImportDto> {
      requireStaff(ctx);
      const row = await repo.insert(ctx.db, {
        id: newId(),
        requestedBy: requester(ctx),
        idempotencyKey: options.key ?? null,
        csv,
        sizeBytes: Buffer.byteLength(csv),
        rowsTotal: dataLines(csv),
        at: ctx.now(),
      });
      kick();
      return toDto(row);
    },

    async get(ctx: Ctx, id: string): Promise<FanImportDto> {
      requireStaff(ctx);
      const row = await repo.find(ctx.db, id);
      if (!row) throw notFound('import.not_found');
      return toDto(row);
    },

    /** The latest imports, newest first. */
    async recent(ctx: Ctx): Promise<FanImportDto[]> {
      requireStaff(ctx);
      return (await repo.recent(ctx.db, RECENT)).map(toDto);
    },

    /** Serve: take up imports left queued (or stale) by earlier processes, and keep looking. */
    async start() {
      stopped = false;
      shutdown = new AbortController();
      kick();
      poller = setInterval(kick, POLL_MS);
      poller.unref();
    },

    /** Shutdown: no new import starts here; the one running goes back to the queue for the next instance. */
    async stop() {
      stopped = true;
      if (poller) clearInterval(poller);
      shutdown.abort();
      while (loop) await loop;
    },

    /** Resolves when this process runs no import (tests). */
    async idle() {
      while (loop) await loop;
    },
  };
}
export type FanImportService = ReturnType<typeof createFanImportService>;
