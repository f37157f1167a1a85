import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Follows and unfollows per day (the channel's time zone) and source type, kept in step with the activities (same
 * transaction), so the growth chart reads at most 4 rows a day instead of counting activities.
 * Cost per follow/unfollow: one upsert of one small row (a hot row for that day: fine at follow
 * rates; a festival never writes here).
 */
export const dailyFollowCounts = pgTable(
  'daily_follow_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    sourceType: text('source_type', { enum: ['direct', 'article', 'share', 'import'] }).notNull(),
    follows: integer('follows').notNull().default(0),
    unfollows: integer('unfollows').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.sourceType] })],
);
