import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The channel's public profile: one row (id = 1), edited by staff in console settings. */
export const channelSettings = pgTable(
  'channel_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** An unfollow is attributed to the last article read within this many hours before it. */
    unfollowWindowHours: integer('unfollow_window_hours').notNull().default(24),
    /** The channel's reporting day: analytics and date filters count days in this IANA zone. */
    timeZone: text('time_zone').notNull().default('UTC'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('channel_settings_single_row', sql`${t.id} = 1`), check('channel_settings_window_check', sql`${t.unfollowWindowHours} between 1 and 720`)],
);
