import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { lastDay, monthRange, type Month } from '../../core/months.ts';
import type { ChannelService } from '../channel/channel.service.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { JobRunner } from '../../platform/jobs/jobs.service.ts';
import { SOURCE_TYPES, type SourceType } from '../timeline/timeline.schemas.ts';
import type { InsightsRepository } from './insights.repository.ts';
import type { GrowthDto, GrowthQuery } from './insights.schemas.ts';

const zeroBySource = () => Object.fromEntries(SOURCE_TYPES.map((s) => [s, 0])) as Record<SourceType, number>;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export const REBUILD_DAILY_JOB = 'insights.rebuild_daily';

/**
 * Channel analytics: growth per day and source, and which sources bring fans who stay. Days are
 * the channel's reporting days (its time zone, UTC by default).
 */
export function createInsightsService(deps: { repo: InsightsRepository; fans: FansService; channel: ChannelService; jobs: JobRunner }) {
  const { repo, fans, channel, jobs } = deps;

  return {
    /** Reads ≤ 4 rollup rows per day plus one sum: independent of fan count. */
    async growth(ctx: Ctx, q: GrowthQuery): Promise<GrowthDto> {
      requireStaff(ctx);
      const [rows, before, { timeZone }, runs] = await Promise.all([
        repo.rangeRows(ctx.db, q.from, q.to),
        repo.netBefore(ctx.db, q.from),
        channel.settings(ctx),
        jobs.latest(ctx, [REBUILD_DAILY_JOB]),
      ]);
      const recounting = runs.latest.some((r) => r.status === 'queued' || r.status === 'running');
      const byDay = new Map<string, { follows: Record<SourceType, number>; unfollows: Record<SourceType, number> }>();
      for (const r of rows) {
        const d = byDay.get(r.day) ?? { follows: zeroBySource(), unfollows: zeroBySource() };
        d.follows[r.sourceType] += r.follows;
        d.unfollows[r.sourceType] += r.unfollows;
        byDay.set(r.day, d);
      }
      const totals = { follows: zeroBySource(), unfollows: zeroBySource(), net: 0 };
      const days: GrowthDto['days'] = [];
      let cumulative = before;
      for (let t = Date.parse(q.from); t <= Date.parse(q.to); t += 86_400_000) {
        const day = utcDay(new Date(t));
        const d = byDay.get(day) ?? { follows: zeroBySource(), unfollows: zeroBySource() };
        const newFollows = SOURCE_TYPES.reduce((n, s) => n + d.follows[s], 0);
        const lostFollows = SOURCE_TYPES.reduce((n, s) => n + d.unfollows[s], 0);
        cumulative += newFollows - lostFollows;
        for (const s of SOURCE_TYPES) {
          totals.follows[s] += d.follows[s];
          totals.unfollows[s] += d.unfollows[s];
        }
        totals.net += newFollows - lostFollows;
        days.push({ day, ...d, newFollows, lostFollows, net: newFollows - lostFollows, cumulative });
      }
      return { from: q.from, to: q.to, timeZone, recounting, days, totals };
    },

    /**
     * Followers at the end of each month from `from` to `to` (both included), from the daily
     * rollup: the running sum of follows minus unfollows through the month's last day (the
     * channel's days). Reads ≤ 4 rollup rows per day of history, never the fans. Like the growth
     * chart, it follows the activity stream after commit.
     */
    async followersAtMonthEnds(ctx: Ctx, q: { from: Month; to: Month }): Promise<{ month: Month; followers: number }[]> {
      requireStaff(ctx);
      const rows = await repo.netByMonth(ctx.db, lastDay(q.to));
      const net = new Map(rows.map((r) => [r.month, r.net]));
      let followers = rows.filter((r) => r.month < q.from).reduce((n, r) => n + r.net, 0);
      return monthRange(q.from, q.to).map((month) => {
        followers += net.get(month) ?? 0;
        return { month, followers };
      });
    },

    /**
     * Which sources bring fans who stay, and who pay: retention after `days`, and conversion to
     * member (acquired fans who ever paid for a period that was not refunded; comps and gifts
     * received do not count), and conversion to buyer (acquired fans who ever paid for an
     * order that was not fully refunded), per acquisition source.
     */
    async quality(ctx: Ctx, days = 30) {
      requireStaff(ctx);
      const [rows, members, buyers] = await Promise.all([fans.retentionBySource(ctx, days), repo.membersBySource(ctx.db), repo.buyersBySource(ctx.db)]);
      const rate = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);
      return {
        retentionDays: days,
        sources: SOURCE_TYPES.map((source) => {
          const r = rows.find((x) => x.source === source) ?? { fans: 0, mature: 0, retained: 0 };
          const converted = members.find((x) => x.source === source)?.members ?? 0;
          const bought = buyers.find((x) => x.source === source)?.buyers ?? 0;
          return {
            source,
            fans: r.fans,
            matureFans: r.mature,
            retained: r.retained,
            retentionRate: rate(r.retained, r.mature),
            members: converted,
            memberRate: rate(converted, r.fans),
            buyers: bought,
            buyerRate: rate(bought, r.fans),
          };
        }),
      };
    },
  };
}
export type InsightsService = ReturnType<typeof createInsightsService>;
