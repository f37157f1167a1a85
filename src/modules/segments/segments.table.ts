import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';

/** Labels staff put on fans by hand. */
export const fanTags = pgTable(
  'fan_tags',
  {
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fanId, t.tag] }), index('fan_tags_tag_idx').on(t.tag, t.fanId)],
);

/** A saved, named filter over fans. */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('segments_name_key').on(sql`lower(${t.name})`)],
);
