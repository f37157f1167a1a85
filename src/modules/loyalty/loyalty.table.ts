import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';

export const SIGNALS = [
  'days_active',
  'unique_reads',
  'shares',
  'fans_referred',
  'purchases',
  'membership_months',
  'community_posts',
  'days_since_active',
] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * The CRM's row per fan: counted facts that loyalty rules read (kept in step with the
 * activities), the loyalty level, and copies of the fan's follow state (kept by a trigger on
 * `fans`, migrations 0004 and 0010) so a segment count scans one narrow table. Created with the fan.
 */
export const fanSignals = pgTable(
  'fan_signals',
  {
    fanId: uuid('fan_id')
      .primaryKey()
      .references(() => fans.id, { onDelete: 'cascade' }),
    followStatus: text('follow_status').notNull().default('never_followed'),
    firstFollowedAt: timestamp('first_followed_at', { withTimezone: true }),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }),
    lastActiveDay: date('last_active_day', { mode: 'string' }),
    daysActive: integer('days_active').notNull().default(0),
    uniqueReads: integer('unique_reads').notNull().default(0),
    shares: integer('shares').notNull().default(0),
    fansReferred: integer('fans_referred').notNull().default(0),
    purchases: integer('purchases').notNull().default(0),
    membershipMonths: integer('membership_months').notNull().default(0),
    communityPosts: integer('community_posts').notNull().default(0),
    level: smallint('level').notNull().default(0),
    levelSince: timestamp('level_since', { withTimezone: true }),
    /** Set when a super fan stops qualifying: they keep level 4 until then (staff can see it). */
    graceUntil: timestamp('grace_until', { withTimezone: true }),
    /** How far from level 4 at the last re-levelling (sum of unmet rules' shortfall ratios). */
    topDistance: real('top_distance').notNull().default(1_000_000),
  },
  (t) => [
    index('fan_signals_level_idx').on(t.level),
    index('fan_signals_active_idx').on(t.lastActiveAt),
    // Segment counts: an index-only scan over status, level and activity (fan id for the
    // tag semi-join, first follow for date filters) reads a tenth of the table's pages.
    index('fan_signals_segment_idx').on(t.followStatus, t.level, t.lastActiveAt, t.fanId, t.firstFollowedAt),
    index('fan_signals_candidates_idx')
      .on(t.topDistance, t.fanId)
      .where(sql`${t.level} between 1 and 3`),
    check('fan_signals_level_check', sql`${t.level} between 0 and 4`),
  ],
);

/** Staff-editable thresholds: a fan reaches level n when every rule of levels 1..n holds. */
export const loyaltyRules = pgTable(
  'loyalty_rules',
  {
    level: smallint('level').notNull(),
    signal: text('signal', { enum: SIGNALS }).notNull(),
    op: text('op', { enum: ['gte', 'lte'] })
      .notNull()
      .default('gte'),
    threshold: integer('threshold').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.signal] }),
    check('loyalty_rules_level_check', sql`${t.level} between 1 and 4`),
    check('loyalty_rules_threshold_check', sql`${t.threshold} >= 0`),
  ],
);

/** Singleton loyalty settings. */
export const loyaltySettings = pgTable(
  'loyalty_settings',
  {
    id: integer('id').primaryKey().default(1),
    graceDays: integer('grace_days').notNull().default(60),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('loyalty_settings_single_row', sql`${t.id} = 1`)],
);
