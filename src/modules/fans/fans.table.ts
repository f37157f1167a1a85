import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const FOLLOW_STATUSES = ['following', 'unfollowed', 'never_followed'] as const;
export type FollowStatus = (typeof FOLLOW_STATUSES)[number];

/**
 * A fan's follow state is kept consistent with their followed/unfollowed activities: both are
 * written in the same transaction by FansService.
 */
export const fans = pgTable(
  'fans',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    followStatus: text('follow_status', { enum: FOLLOW_STATUSES }).notNull().default('never_followed'),
    followingSince: timestamp('following_since', { withTimezone: true }),
    /** The first follow ever and its source type: the fan's acquisition, for quality per source. */
    firstFollowedAt: timestamp('first_followed_at', { withTimezone: true }),
    firstFollowSource: text('first_follow_source'),
    /** The first unfollow after that (retention). */
    firstUnfollowedAt: timestamp('first_unfollowed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fans_email_key').on(t.email),
    index('fans_created_idx').on(t.createdAt, t.id),
    index('fans_status_idx').on(t.followStatus),
    index('fans_first_follow_idx').on(t.firstFollowedAt),
    index('fans_search_trgm_idx').using('gin', sql`(${t.displayName} || ' ' || ${t.email}) gin_trgm_ops`),
    check('fans_follow_status_check', sql`${t.followStatus} in ('following', 'unfollowed', 'never_followed')`),
  ],
);
