import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fanActivities } from './timeline.table.ts';

export type ActivityRow = typeof fanActivities.$inferSelect;
export type NewActivity = typeof fanActivities.$inferInsert;

export const timelineRepository = {
  async insert(db: Db, row: NewActivity): Promise<ActivityRow> {
    const [created] = await db.insert(fanActivities).values(row).returning();
    return created!;
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
