import { sql } from 'drizzle-orm';
import { bigint, customType, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Each consumer's durable position in the activity stream: the last (transaction, activity)
 * it applied. It moves in the same transaction as the consumer's writes, so every activity is
 * applied exactly once; the row lock makes one instance at a time the active consumer.
 */
export const streamPositions = pgTable('stream_positions', {
  consumer: text('consumer').primaryKey(),
  txId: xid8('tx_id')
    .notNull()
    .default(sql`'0'::xid8`),
  activityId: bigint('activity_id', { mode: 'bigint' })
    .notNull()
    .default(sql`0`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
