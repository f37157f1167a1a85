import { sql } from 'drizzle-orm';
import { bigint, customType, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';

/** A full (epoch-extended) transaction id, as text: xid8 values pass the driver as strings. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Every entry of a fan's timeline ("activity"). Later capabilities only add kinds.
 * `source` says where it came from: `direct`, `article:<id>`, `share:<code>`, `import`.
 */
export const fanActivities = pgTable(
  'fan_activities',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    source: text('source'),
    /**
     * The article this activity is about (read, shared, followed from it, or the article an
     * unfollow is attributed to). A soft reference: no foreign key, so deleting a draft never
     * scans the activity table.
     */
    articleId: uuid('article_id'),
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The transaction that wrote it. The activity stream reads in (tx_id, id) order and only
     * below the oldest running transaction (`pg_snapshot_xmin`), so a transaction that commits
     * late holds consumers back instead of being skipped by them.
     */
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('fan_activities_fan_time_idx').on(t.fanId, t.occurredAt.desc(), t.id.desc()),
    index('fan_activities_kind_time_idx').on(t.kind, t.occurredAt),
    index('fan_activities_stream_idx').on(t.txId, t.id),
  ],
);
