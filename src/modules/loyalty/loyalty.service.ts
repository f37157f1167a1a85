import { LRUCache } from 'lru-cache';
import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { DEFAULT_CURRENCY } from '../../core/money.ts';
import { offsetOf, type PageQuery } from '../../core/pagination.ts';
import type { ChannelService } from '../channel/channel.service.ts';
import type { FansService } from '../fans/fans.service.ts';
import { toJobRunDto } from '../../platform/jobs/jobs.schemas.ts';
import type { JobRunner } from '../../platform/jobs/jobs.service.ts';
import type { StreamPosition } from '../../platform/stream/stream.repository.ts';
import type { StreamRunner } from '../../platform/stream/stream.runner.ts';
import type { Activity, ActivityInput, TimelineService } from '../timeline/timeline.service.ts';
import type { Signal } from './loyalty.table.ts';
import {
  applyGrace,
  distanceToTop,
  LEVEL_NAMES,
  levelFor,
  missingForNext,
  NEVER_ACTIVE_DAYS,
  shownResults,
  shownValues,
  type Rule,
  type SignalValues,
} from './loyalty-ladder.ts';
import type { LoyaltyRepository, SignalDelta, SignalsRow } from './loyalty.repository.ts';
import type { RulesInput } from './loyalty.schemas.ts';

const PAGE = 5000;

export function valuesOf(row: SignalsRow | undefined, now: Date): SignalValues {
  const last = row?.lastActiveAt;
  return {
    days_active: row?.daysActive ?? 0,
    unique_reads: row?.uniqueReads ?? 0,
    shares: row?.shares ?? 0,
    fans_referred: row?.fansReferred ?? 0,
    purchases: row?.purchases ?? 0,
    // Whole units of the store's currency (yuan): a rule reads "spend ≥ 500".
    spend: Math.floor((row?.spendMinor ?? 0) / 100),
    membership_months: row?.membershipMonths ?? 0,
    membership_rank: row?.membershipRank ?? 0,
    community_posts: row?.communityPosts ?? 0,
    days_since_active: last ? Math.floor((now.getTime() - last.getTime()) / 86_400_000) : NEVER_ACTIVE_DAYS,
  } satisfies Record<Signal, number>;
}

/**
 * The loyalty ladder: signals follow the activity stream (the loyalty consumer), the level of
 * just the fans a batch touched is recomputed, and a level change is itself a timeline activity.
 */
export const RELEVEL_JOB = 'loyalty.relevel';
export const RECOMPUTE_JOB = 'loyalty.recompute';
export const LOYALTY_CONSUMER = 'loyalty.signals';

export function createLoyaltyService(deps: {
  repo: LoyaltyRepository;
  timeline: TimelineService;
  fans: FansService;
  channel: ChannelService;
  jobs: JobRunner;
  stream: Pick<StreamRunner<Activity>, 'rebuild'>;
}) {
  const { repo, timeline, fans, channel, jobs, stream } = deps;
  // The ladder is read on every activity: cache it for 5 s (another instance's rule change is
  // seen within that; this instance's at once).
  const ladderCache = new LRUCache<'ladder', { rules: Rule[]; graceDays: number }>({ max: 1, ttl: 5_000 });
  async function ladder(ctx: Ctx) {
    let value = ladderCache.get('ladder');
    if (!value) {
      const [rules, graceDays] = await Promise.all([repo.rules(ctx.db), repo.graceDays(ctx.db)]);
      value = { rules, graceDays };
      ladderCache.set('ladder', value);
    }
    return value;
  }

  /** Recomputes the level of these signal rows; returns how many changed. */
  async function relevelRows(tx: Ctx, rows: SignalsRow[], rules: Rule[], graceDays: number): Promise<number> {
    const now = tx.now();
    const changes: Parameters<LoyaltyRepository['setLevels']>[1] = [];
    const activities: ActivityInput[] = [];
    for (const row of rows) {
      const { level: computed, results } = levelFor(valuesOf(row, now), rules);
      const next = applyGrace({ level: row.level, graceUntil: row.graceUntil }, computed, now, graceDays);
      const graceChanged = (next.graceUntil?.getTime() ?? null) !== (row.graceUntil?.getTime() ?? null);
      // Stored as float4 (and read back as its shortest decimal): compare both at float4 precision
      // so an unchanged distance writes nothing.
      const topDistance = Math.fround(distanceToTop(results));
      if (next.level === row.level && !graceChanged && topDistance === Math.fround(row.topDistance)) continue;
      changes.push({
        fanId: row.fanId,
        level: next.level,
        levelSince: next.level === row.level ? row.levelSince : now,
        graceUntil: next.graceUntil,
        topDistance,
      });
      if (next.level !== row.level) {
        activities.push({ fanId: row.fanId, kind: 'level_changed', source: null, data: { from: row.level, to: next.level }, at: now });
      }
    }
    await repo.setLevels(tx.db, changes);
    await timeline.recordMany(tx, activities);
    return activities.length;
  }

  async function ranked(ctx: Ctx, rows: SignalsRow[], rules: Rule[]) {
    const now = ctx.now();
    const people = await fans.getMany(
      ctx,
      rows.map((r) => r.fanId),
    );
    return rows.flatMap((r) => {
      const fan = people.get(r.fanId);
      if (!fan) return [];
      const { results } = levelFor(valuesOf(r, now), rules);
      return [
        {
          fan,
          level: r.level,
          levelSince: r.levelSince?.toISOString() ?? null,
          graceUntil: r.graceUntil?.toISOString() ?? null,
          distance: distanceToTop(results),
          signals: shownValues(valuesOf(r, now)),
          missing: shownResults(results.filter((x) => !x.met)),
        },
      ];
    });
  }

  /** Every fan's level from their current signals, in pages of 5,000 (each its own transaction). */
  async function relevelAll(ctx: Ctx, onProgress?: (done: number, total: number) => Promise<void> | void) {
    requireStaff(ctx);
    const [rules, graceDays, total] = await Promise.all([repo.rules(ctx.db), repo.graceDays(ctx.db), repo.countAll(ctx.db)]);
    let after: string | null = null;
    let done = 0;
    let changed = 0;
    for (;;) {
      const page = await inTransaction(ctx, async (tx) => {
        const rows = await repo.lockPage(tx.db, after, PAGE);
        return { rows: rows.length, last: rows.at(-1)?.fanId, changed: await relevelRows(tx, rows, rules, graceDays) };
      });
      if (page.rows === 0) break;
      changed += page.changed;
      done += page.rows;
      after = page.last!;
      await onProgress?.(done, Math.max(total, done));
    }
    return { fans: done, changed };
  }

  /** Rebuild every signal from the activity stream (the loyalty consumer's rebuild), then every level. */
  async function recomputeAll(ctx: Ctx, onProgress?: (phase: 'signals' | 'levels', done: number, total: number) => Promise<void> | void) {
    requireStaff(ctx);
    const started = Date.now();
    await onProgress?.('signals', 0, 0);
    await stream.rebuild(ctx, LOYALTY_CONSUMER);
    const { fans: n, changed } = await relevelAll(ctx, (done, total) => onProgress?.('levels', done, total));
    return { fans: n, changed, seconds: Math.round((Date.now() - started) / 100) / 10 };
  }

  async function rulesWithJob(ctx: Ctx) {
    const [rules, graceDays, runs] = await Promise.all([repo.rules(ctx.db), repo.graceDays(ctx.db), jobs.latest(ctx, [RELEVEL_JOB])]);
    const run = runs.latest[0];
    return { rules, graceDays, relevel: run ? toJobRunDto(run) : null };
  }

  return {
    relevelAll,
    recomputeAll,

    /**
     * The loyalty consumer's batch: adds these activity facts to the fans' signals (one
     * multi-row upsert that hands back the rows it wrote) and re-levels just those fans, and the
     * fans in `relevel` too (whose membership signals changed: they are kept by the memberships
     * tables' triggers, and a grant, refund or expiry is not the fan being active). A fan
     * whose batch holds a day older than their last active day (an import of past activity)
     * has their signals recounted from the stream up to `upTo`, so days active stay exact.
     * Cost: 1 SELECT + 1 upsert + 1 UPDATE of levels (+ 2 reads and 1 UPDATE for recounts,
     * + 1 read for fans only re-levelled).
     */
    async addSignals(tx: Ctx, deltas: SignalDelta[], upTo: StreamPosition, relevel: string[] = []) {
      if (deltas.length === 0 && relevel.length === 0) return;
      const lastDays = await repo.lastActiveDays(
        tx.db,
        deltas.map((d) => d.fanId),
      );
      const late = (d: SignalDelta) => {
        const last = lastDays.get(d.fanId);
        return last != null && d.days[0]! < last;
      };
      const recount = deltas.filter(late).map((d) => d.fanId);
      const written = await repo.addDeltas(
        tx.db,
        deltas
          .filter((d) => !late(d))
          .map((d) => {
            const last = lastDays.get(d.fanId);
            return { ...d, newDays: last == null ? d.days.length : d.days.filter((day) => day > last).length };
          }),
      );
      if (recount.length) {
        const { timeZone } = await channel.settings(tx);
        await repo.setTotals(tx.db, recount, await timeline.signalTotals(tx, recount, timeZone, upTo));
        written.push(...(await repo.findMany(tx.db, recount)));
      }
      const touched = new Set(deltas.map((d) => d.fanId));
      const only = [...new Set(relevel)].filter((id) => !touched.has(id));
      if (only.length) written.push(...(await repo.findMany(tx.db, only)));
      const { rules, graceDays } = await ladder(tx);
      await relevelRows(tx, written, rules, graceDays);
    },

    /**
     * Replaces every fan's counted signals with totals from the stream up to `upTo`, a page of
     * 5,000 fans at a time inside the caller's transaction; only rows that differ are written.
     */
    async rebuildSignals(tx: Ctx, upTo: StreamPosition) {
      const { timeZone } = await channel.settings(tx);
      let after: string | null = null;
      for (;;) {
        const ids = await repo.fanIdsPage(tx.db, after, PAGE);
        if (ids.length === 0) break;
        const totals = await timeline.signalTotals(tx, ids, timeZone, upTo);
        await repo.setTotals(tx.db, ids, totals);
        // Purchase signals follow the orders (triggers, migration 0027): recounted from them too.
        await repo.syncPurchases(tx.db, ids);
        after = ids.at(-1)!;
      }
    },

    async getRules(ctx: Ctx) {
      requireStaff(ctx);
      return rulesWithJob(ctx);
    },

    /**
     * New thresholds take effect at once for every fan who is active (levels move with their
     * next activity) and for everyone else through a background re-levelling, whose progress the
     * answer carries.
     */
    async updateRules(ctx: Ctx, input: RulesInput) {
      requireStaff(ctx);
      await inTransaction(ctx, async (tx) => {
        await repo.replaceRules(tx.db, input.rules);
        await repo.setGraceDays(tx.db, input.graceDays, tx.now());
      });
      ladderCache.clear();
      await jobs.enqueue(ctx, RELEVEL_JOB);
      return rulesWithJob(ctx);
    },

    /** Staff ask for a full recompute: it runs in the background. */
    async requestRecompute(ctx: Ctx) {
      requireStaff(ctx);
      return toJobRunDto(await jobs.enqueue(ctx, RECOMPUTE_JOB));
    },

    /** CLI and the nightly schedule: a recompute recorded as a job run, here and now. */
    async runRecompute(ctx: Ctx, requestedBy: 'cli' | 'schedule', onProgress?: (done: number, total: number | null) => void) {
      return jobs.runNow(ctx, RECOMPUTE_JOB, requestedBy, onProgress);
    },

    /** The latest re-levelling and recompute runs, and the last finished recompute. */
    async jobs(ctx: Ctx) {
      requireStaff(ctx);
      const { latest, finished } = await jobs.latest(ctx, [RELEVEL_JOB, RECOMPUTE_JOB]);
      const of = (runs: typeof latest, name: string) => {
        const run = runs.find((r) => r.name === name);
        return run ? toJobRunDto(run) : null;
      };
      return { relevel: of(latest, RELEVEL_JOB), recompute: of(latest, RECOMPUTE_JOB), lastRecompute: of(finished, RECOMPUTE_JOB) };
    },
    /** The fan page's explanation: level, each rule with the fan's value, what is missing. */
    async explain(ctx: Ctx, fanId: string) {
      requireStaff(ctx);
      await fans.get(ctx, fanId);
      const [rules, row] = await Promise.all([repo.rules(ctx.db), repo.findOne(ctx.db, fanId)]);
      const values = valuesOf(row, ctx.now());
      const { results } = levelFor(values, rules);
      const level = row?.level ?? 0;
      return {
        level,
        levelName: LEVEL_NAMES[level]!,
        levelSince: row?.levelSince?.toISOString() ?? null,
        graceUntil: row?.graceUntil?.toISOString() ?? null,
        signals: shownValues(values),
        store: {
          purchases: row?.purchases ?? 0,
          spend: { amountMinor: row?.spendMinor ?? 0, currency: DEFAULT_CURRENCY },
          firstPurchaseAt: row?.firstPurchaseAt?.toISOString() ?? null,
          lastPurchaseAt: row?.lastPurchaseAt?.toISOString() ?? null,
        },
        rules: shownResults(results),
        missingForNext: shownResults(missingForNext(level, results)),
      };
    },

    /** Super fans, a page at a time: those in their grace period first, so staff see who is slipping. */
    async superFans(ctx: Ctx, q: PageQuery) {
      requireStaff(ctx);
      const [rules, rows, total] = await Promise.all([repo.rules(ctx.db), repo.superFans(ctx.db, q.pageSize, offsetOf(q)), repo.countLevel(ctx.db, 4)]);
      return { items: await ranked(ctx, rows, rules), total, page: q.page, pageSize: q.pageSize };
    },

    /** Fans of levels 1–3 closest to level 4 first, with what each still misses. */
    async candidates(ctx: Ctx, q: PageQuery) {
      requireStaff(ctx);
      const [rules, rows, total] = await Promise.all([repo.rules(ctx.db), repo.candidates(ctx.db, q.pageSize, offsetOf(q)), repo.countCandidates(ctx.db)]);
      return { items: await ranked(ctx, rows, rules), total, page: q.page, pageSize: q.pageSize };
    },

    async funnel(ctx: Ctx) {
      requireStaff(ctx);
      const [counts, stats, moves] = await Promise.all([
        repo.countByLevel(ctx.db),
        fans.stats(ctx),
        timeline.levelMoves(ctx, new Date(ctx.now().getTime() - 30 * 86_400_000)),
      ]);
      const at = (l: number) => counts.find((c) => c.level === l)?.n ?? 0;
      const ranked = counts.reduce((n, c) => n + (c.level > 0 ? c.n : 0), 0);
      return {
        levels: LEVEL_NAMES.map((levelName, level) => ({ level, levelName, fans: level === 0 ? stats.fans - ranked : at(level) })),
        last30Days: moves,
      };
    },
  };
}
export type LoyaltyService = ReturnType<typeof createLoyaltyService>;
