import type { Ctx } from '../../../core/context.ts';
import type { FestivalReportRepository, RefusalAdd } from '../festival-report.repository.ts';
import type { AttemptStats } from './attempt-stats.ts';

/** How often buffered refusals are written (a crash loses at most this much of them). */
const FLUSH_MS = 2_000;
/** The kind of a refusal recorded without a reason. */
export const UNSPECIFIED_REFUSAL = 'refused';

/**
 * The attempt figures, with every `refused` attempt also kept durably per festival, fan and
 * kind for the after-festival report (festival_refusals). On the attempt's path a refusal costs
 * one map update; the buffer is written every 2 s in one multi-row upsert (and at `flush` and
 * `close`), so a bot farm's thousands of refusals a second are a few rows a flush, not a write each.
 */
export function withRefusalLog(stats: AttemptStats, deps: { repo: FestivalReportRepository; systemCtx: () => Ctx }): AttemptStats {
  let buffer = new Map<string, RefusalAdd>();
  let writing: Promise<void> = Promise.resolve();

  function write(): Promise<void> {
    const batch = buffer;
    buffer = new Map();
    writing = writing.then(async () => {
      if (batch.size === 0) return;
      const ctx = deps.systemCtx();
      try {
        await deps.repo.addRefusals(ctx.db, [...batch.values()]);
      } catch (err) {
        ctx.log.warn({ err, rows: batch.size }, 'festival refusals not written; kept for the next flush');
        for (const [k, r] of batch) {
          const now = buffer.get(k);
          buffer.set(k, now ? { ...now, count: now.count + r.count } : r);
        }
      }
    });
    return writing;
  }
  const timer = setInterval(() => void write(), FLUSH_MS);
  timer.unref();

  return {
    record(festivalId, sample, at) {
      stats.record(festivalId, sample, at);
      if (sample.answer !== 'refused') return;
      const kind = sample.reason ?? UNSPECIFIED_REFUSAL;
      const key = `${festivalId}|${sample.fanId}|${kind}`;
      const row = buffer.get(key);
      if (row) {
        row.count += 1;
        row.at = at;
      } else buffer.set(key, { festivalId, fanId: sample.fanId, kind, count: 1, at });
    },
    figures: (festivalId, now, seconds) => stats.figures(festivalId, now, seconds),
    async flush() {
      await Promise.all([stats.flush(), write()]);
    },
    async close() {
      clearInterval(timer);
      await write();
      await stats.close();
    },
  };
}
