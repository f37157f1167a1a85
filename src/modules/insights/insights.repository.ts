import { and, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SourceType } from '../timeline/timeline.schemas.ts';
import { dailyFollowCounts } from './insights.table.ts';

export const insightsRepository = {
  async addFollowCount(db: Db, day: string, sourceType: SourceType, follows: number, unfollows: number) {
    await db
      .insert(dailyFollowCounts)
      .values({ day, sourceType, follows, unfollows })
      .onConflictDoUpdate({
        target: [dailyFollowCounts.day, dailyFollowCounts.sourceType],
        set: {
          follows: sql`${dailyFollowCounts.follows} + ${follows}`,
          unfollows: sql`${dailyFollowCounts.unfollows} + ${unfollows}`,
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
