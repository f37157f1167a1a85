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
  /**
   * Re-counts every day in a time zone from the activities (after the channel's time zone
   * changed). Follows wait for it rather than land in a half-rebuilt table.
   */
  async rebuild(db: Db, timeZone: string) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${dailyFollowCounts} in exclusive mode`);
      await tx.delete(dailyFollowCounts);
      await tx.execute(sql`
        insert into ${dailyFollowCounts} (day, source_type, follows, unfollows)
        select (occurred_at at time zone ${timeZone})::date,
          case when source like 'article:%' then 'article' when source like 'share:%' then 'share' when source = 'import' then 'import' else 'direct' end,
          count(*) filter (where kind = 'followed'), count(*) filter (where kind = 'unfollowed')
        from fan_activities where kind in ('followed', 'unfollowed')
        group by 1, 2`);
    });
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
