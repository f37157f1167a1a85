import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The channel's public profile: one row (id = 1), edited by staff in console settings. */
export const channelSettings = pgTable(
  'channel_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('channel_settings_single_row', sql`${t.id} = 1`)],
);
