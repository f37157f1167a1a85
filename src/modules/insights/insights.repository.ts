import { and, count, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fansReadModel as fans } from '../fans/fans.read-model.ts';
import { fanSignalsReadModel as fanSignals } from '../loyalty/loyalty.read-model.ts';
import type { SourceType } from '../timeline/timeline.schemas.ts';
import { dailyFollowCounts } from './insights.table.ts';

export type FollowCount = { day: string; sourceType: SourceType; follows: number; unfollows: number };

export const insightsRepository = {
  /**
   * Fans who ever became paying members, per acquisition source (their first follow's): the
   * paying fans from the partial index fan_signals_paid_idx, joined to their fans rows (by id,
   * or by hashing them against one pass over fans, like the retention beside it: measured on
   * PostgreSQL at ~130 ms for 200,000 fans with 2,000 paying).
   */
  async membersBySource(db: Db): Promise<{ source: string | null; members: number }[]> {
    return db
      .select({ source: fans.firstFollowSource, members: count() })
      .from(fanSignals)
      .innerJoin(fans, eq(fans.id, fanSignals.fanId))
      .where(and(isNotNull(fanSignals.membershipPaidAt), isNotNull(fans.firstFollowedAt)))
      .groupBy(fans.firstFollowSource);
  },

  /**
   * Acquired fans who ever bought (an order paid and not fully refunded), per source: a walk of
   * the partial index fan_signals_buyers_idx (only buyers) joined to fans by primary key.
   */
  async buyersBySource(db: Db): Promise<{ source: string | null; buyers: number }[]> {
    return db
      .select({ source: fans.firstFollowSource, buyers: count() })
      .from(fanSignals)
      .innerJoin(fans, eq(fans.id, fanSignals.fanId))
      .where(and(isNotNull(fanSignals.firstPurchaseAt), isNotNull(fans.firstFollowedAt)))
      .groupBy(fans.firstFollowSource);
  },

  /** Adds a batch's follows and unfollows: one multi-row upsert of ≤ 4 rows per day touched. */
  async addFollowCounts(db: Db, rows: FollowCount[]) {
    if (rows.length === 0) return;
    await db
      .insert(dailyFollowCounts)
      .values(rows)
      .onConflictDoUpdate({
        target: [dailyFollowCounts.day, dailyFollowCounts.sourceType],
        set: {
          follows: sql`${dailyFollowCounts.follows} + excluded.follows`,
          unfollows: sql`${dailyFollowCounts.unfollows} + excluded.unfollows`,
        },
      });
  },
  /** At most 4 rows per day in the range (primary key range scan). */
  rangeRows(db: Db, from: string, to: string) {
    return db
      .select()
      .from(dailyFollowCounts)
      .where(and(gte(dailyFollowCounts.day, from), lte(dailyFollowCounts.day, to)));
  },
  /** Replaces every day's counts (a rebuild from the stream). */
  async replaceAll(db: Db, rows: FollowCount[]) {
    await db.delete(dailyFollowCounts);
    for (let i = 0; i < rows.length; i += 5_000) await db.insert(dailyFollowCounts).values(rows.slice(i, i + 5_000));
  },
  /**
   * Net followers gained per month (of the channel's days) up to and including `toDay`, oldest
   * first: one range scan of the primary key, ≤ 4 rows per day of history.
   */
  async netByMonth(db: Db, toDay: string): Promise<{ month: string; net: number }[]> {
    const month = sql<string>`to_char(${dailyFollowCounts.day}, 'YYYY-MM')`;
    return db
      .select({ month, net: sql<number>`coalesce(sum(${dailyFollowCounts.follows} - ${dailyFollowCounts.unfollows}), 0)`.mapWith(Number) })
      .from(dailyFollowCounts)
      .where(lte(dailyFollowCounts.day, toDay))
      .groupBy(month)
      .orderBy(month);
  },
  /** Net followers gained before `day`: the cumulative line's starting point. */
  async netBefore(db: Db, day: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(${dailyFollowCounts.follows} - ${dailyFollowCounts.unfollows}), 0)`.mapWith(Number) })
      .from(dailyFollowCounts)
      .where(lt(dailyFollowCounts.day, day));
    return row?.n ?? 0;
  },
};
export type InsightsRepository = typeof insightsRepository;
