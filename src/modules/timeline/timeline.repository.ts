import { and, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fanActivities } from './timeline.table.ts';

export type ActivityRow = typeof fanActivities.$inferSelect;
export type NewActivity = typeof fanActivities.$inferInsert;

export const timelineRepository = {
  insertMany(db: Db, rows: NewActivity[]): Promise<ActivityRow[]> {
    return db.insert(fanActivities).values(rows).returning();
  },
  /** Uses fan_activities_fan_time_idx: walks only this fan's activities inside the window. */
  async lastArticleRead(db: Db, fanId: string, since: Date, before: Date): Promise<string | undefined> {
    const [row] = await db
      .select({ articleId: fanActivities.articleId })
      .from(fanActivities)
      .where(
        and(
          eq(fanActivities.fanId, fanId),
          gte(fanActivities.occurredAt, since),
          lte(fanActivities.occurredAt, before),
          eq(fanActivities.kind, 'read'),
          isNotNull(fanActivities.articleId),
        ),
      )
      .orderBy(desc(fanActivities.occurredAt), desc(fanActivities.id))
      .limit(1);
    return row?.articleId ?? undefined;
  },
  /**
   * Newest first by time, then id; keyset after the activity `afterId`
   * (index fan_activities_fan_time_idx, no offset scans).
   */
  listByFan(db: Db, fanId: string, limit: number, afterId?: bigint): Promise<ActivityRow[]> {
    const after =
      afterId === undefined
        ? undefined
        : sql`(${fanActivities.occurredAt}, ${fanActivities.id}) < (select a.occurred_at, a.id from fan_activities a where a.id = ${afterId} and a.fan_id = ${fanId})`;
    return db
      .select()
      .from(fanActivities)
      .where(after ? and(eq(fanActivities.fanId, fanId), after) : eq(fanActivities.fanId, fanId))
      .orderBy(desc(fanActivities.occurredAt), desc(fanActivities.id))
      .limit(limit);
  },
};
export type TimelineRepository = typeof timelineRepository;
