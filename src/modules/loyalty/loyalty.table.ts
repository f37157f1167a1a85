import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';
import { MEMBERSHIP_STATUSES } from '../memberships/memberships.table.ts';

export const SIGNALS = [
  'days_active',
  'unique_reads',
  'shares',
  'fans_referred',
  'purchases',
  'spend',
  'membership_months',
  'membership_rank',
  'community_posts',
  'days_since_active',
] as const;
export type Signal = (typeof SIGNALS)[number];

/** A fan's membership as segments filter on it: `never` (no membership yet) or its status. */
export const FAN_MEMBERSHIP_STATUSES = ['never', ...MEMBERSHIP_STATUSES] as const;
export type FanMembershipStatus = (typeof FAN_MEMBERSHIP_STATUSES)[number];

/**
 * The CRM's row per fan: counted facts that loyalty rules read (kept in step with the
 * activities), the loyalty level, a copy of the fan's follow state (set at sign-up by a trigger
 * on `fans`, migration 0010, then kept by the loyalty consumer, 0012) and of their membership
 * (kept by triggers on the memberships tables in the transaction that changes them, 0021), so a
 * segment count scans one narrow table. Created with the fan.
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
    /**
     * The fan's store purchases, kept by triggers on `orders` in the transaction that changes an
     * order (migration 0027): orders paid and not fully refunded (status paid, shipped or
     * delivered); spend is their totals less what was refunded, in the store's currency (CNY)
     * only — an order in another currency counts as a purchase but adds nothing to spend.
     * First and last purchase: when the first and latest of those orders were paid.
     */
    purchases: integer('purchases').notNull().default(0),
    spendMinor: bigint('spend_minor', { mode: 'number' }).notNull().default(0),
    firstPurchaseAt: timestamp('first_purchase_at', { withTimezone: true }),
    lastPurchaseAt: timestamp('last_purchase_at', { withTimezone: true }),
    /**
     * Whole months of membership held: each settled period that was not refunded counts its
     * months when it settles (bought, renewed, upgraded, granted or claimed as a gift); a period
     * an upgrade replaced counts only the whole months it ran before the upgrade. README "Memberships".
     */
    membershipMonths: integer('membership_months').notNull().default(0),
    /** Rank of the tier held now (membership active, canceled or past due, not yet expired); 0 for none. */
    membershipRank: integer('membership_rank').notNull().default(0),
    /** `never`, or the membership's status. */
    membershipStatus: text('membership_status', { enum: FAN_MEMBERSHIP_STATUSES }).notNull().default('never'),
    /**
     * The membership's tier: held now, or last held once it expired (null: never a member). A
     * copy, without a foreign key: a tier anyone held is never deleted.
     */
    membershipTierId: uuid('membership_tier_id'),
    /** When the fan first paid for a period that still stands (comps and gifts received are not paying); null if never. */
    membershipPaidAt: timestamp('membership_paid_at', { withTimezone: true }),
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
    // Segments on membership: the few fans who ever held one, by status and tier.
    index('fan_signals_membership_idx')
      .on(t.membershipStatus, t.membershipTierId, t.fanId)
      .where(sql`${t.membershipStatus} <> 'never'`),
    // Conversion to member per source: only the fans who paid.
    index('fan_signals_paid_idx')
      .on(t.fanId)
      .where(sql`${t.membershipPaidAt} is not null`),
    // Conversion to buyer per source, and segments on spend or last purchase: only the fans who bought.
    index('fan_signals_buyers_idx')
      .on(t.lastPurchaseAt, t.fanId)
      .where(sql`${t.firstPurchaseAt} is not null`),
    index('fan_signals_candidates_idx')
      .on(t.topDistance, t.fanId)
      .where(sql`${t.level} between 1 and 3`),
    check('fan_signals_level_check', sql`${t.level} between 0 and 4`),
    check('fan_signals_membership_status_check', sql`${t.membershipStatus} in ('never', 'active', 'canceled', 'past_due', 'expired')`),
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
