import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';
import { payments } from '../payments/payments.table.ts';
import type { Perk } from './tier-perks.ts';

export const TIER_STATUSES = ['active', 'archived'] as const;

/**
 * A membership tier staff sell (Silver, Gold): its prices apply to periods bought from then on;
 * archived, never deleted, once anyone has held it. `rank` orders tiers (higher gives more:
 * "members of tier ≥ X").
 */
export const membershipTiers = pgTable(
  'membership_tiers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    rank: integer('rank').notNull(),
    monthlyPriceMinor: bigint('monthly_price_minor', { mode: 'number' }).notNull(),
    yearlyPriceMinor: bigint('yearly_price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    perks: jsonb('perks').$type<Perk[]>().notNull().default([]),
    status: text('status', { enum: TIER_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('membership_tiers_rank_key').on(t.rank),
    uniqueIndex('membership_tiers_name_key').on(sql`lower(${t.name})`),
    check('membership_tiers_status_check', sql`${t.status} in ('active', 'archived')`),
    check('membership_tiers_price_check', sql`${t.monthlyPriceMinor} > 0 and ${t.yearlyPriceMinor} > 0`),
    check('membership_tiers_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const MEMBERSHIP_STATUSES = ['active', 'canceled', 'past_due', 'expired'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const CANCEL_REASONS = ['too_expensive', 'not_using', 'missing_content', 'switching', 'temporary', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * A fan's membership (one per fan, kept after it expires so a return is a renewal of the same
 * row): the tier held and the paid-up period. `active` → `canceled` (still a member until the
 * period ends) or `past_due` (an automatic renewal has not come in) → `expired`.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    currentPeriodStart: timestamp('current_period_start', { withTimezone: true }).notNull(),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }).notNull(),
    /** Set while the provider renews it by itself (a subscription): the first payment of it. */
    renewingPaymentId: uuid('renewing_payment_id').references(() => payments.id),
    /** Months each automatic renewal adds (1 or 12). */
    renewalMonths: integer('renewal_months'),
    /** When this run of membership began (a lapsed fan who returns starts a new one). */
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason', { enum: CANCEL_REASONS }),
    cancelNote: text('cancel_note'),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('memberships_fan_key').on(t.fanId),
    index('memberships_tier_status_idx').on(t.tierId, t.status),
    index('memberships_due_idx')
      .on(t.currentPeriodEnd)
      .where(sql`${t.status} <> 'expired'`),
    check('memberships_status_check', sql`${t.status} in ('active', 'canceled', 'past_due', 'expired')`),
    check('memberships_period_check', sql`${t.currentPeriodEnd} > ${t.currentPeriodStart}`),
  ],
);

export const PURCHASE_KINDS = ['join', 'renewal', 'upgrade', 'comp', 'gift'] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];
export const PURCHASE_STATUSES = ['pending', 'settled', 'void'] as const;

/**
 * One period of membership asked for: bought (settled when its payment is verified paid),
 * renewed automatically by the provider, or granted by staff (`comp`, nothing to pay). A settled
 * purchase with a payment is the fan's receipt; a refunded one gave its time back.
 */
export const membershipPurchases = pgTable(
  'membership_purchases',
  {
    id: uuid('id').primaryKey(),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id),
    kind: text('kind', { enum: PURCHASE_KINDS }).notNull(),
    months: integer('months').notNull(),
    /** What the fan pays: the tier's price at the time, less an upgrade's credit; 0 for a comp. */
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** An upgrade's credit for the unused part of the period it replaces. */
    creditMinor: bigint('credit_minor', { mode: 'number' }).notNull().default(0),
    /** Asked to renew by itself (the provider's subscription). */
    autoRenew: boolean('auto_renew').notNull().default(false),
    paymentId: uuid('payment_id').references(() => payments.id),
    status: text('status', { enum: PURCHASE_STATUSES }).notNull().default('pending'),
    /** The period it paid for, once settled. */
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    note: text('note'),
    grantedBy: text('granted_by'),
    /** The offer that priced it (a discounted first period). */
    offerId: uuid('offer_id').references(() => membershipOffers.id),
    /** The gift it was claimed from. */
    giftId: uuid('gift_id').references(() => membershipGifts.id),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('membership_purchases_fan_idx').on(t.fanId, t.createdAt.desc()),
    index('membership_purchases_offer_idx')
      .on(t.offerId, t.status)
      .where(sql`${t.offerId} is not null`),
    uniqueIndex('membership_purchases_gift_key').on(t.giftId),
    uniqueIndex('membership_purchases_payment_key').on(t.paymentId),
    check('membership_purchases_months_check', sql`${t.months} between 1 and 120`),
    check('membership_purchases_amount_check', sql`${t.amountMinor} >= 0 and ${t.creditMinor} >= 0`),
    check('membership_purchases_status_check', sql`${t.status} in ('pending', 'settled', 'void')`),
  ],
);

/**
 * A renewal reminder due before a prepaid period ends, recorded once per period (the
 * notifications work delivers them): unique per membership and period end.
 */
export const membershipReminders = pgTable(
  'membership_reminders',
  {
    id: uuid('id').primaryKey(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('membership_reminders_period_key').on(t.membershipId, t.periodEnd)],
);

/**
 * A discounted first period through a link (`/membership?offer=<code>`): for new members, until
 * `ends_at`, at most `max_redemptions` times (counted when a purchase with it settles; a checkout
 * holds its place for half an hour).
 */
export const membershipOffers = pgTable(
  'membership_offers',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id),
    months: integer('months').notNull(),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    maxRedemptions: integer('max_redemptions').notNull(),
    redemptions: integer('redemptions').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('membership_offers_code_key').on(t.code),
    check('membership_offers_months_check', sql`${t.months} in (1, 12)`),
    check('membership_offers_price_check', sql`${t.priceMinor} > 0`),
    check('membership_offers_cap_check', sql`${t.maxRedemptions} > 0 and ${t.redemptions} >= 0`),
  ],
);

export const GIFT_STATUSES = ['pending', 'paid', 'claimed', 'refunded', 'void'] as const;

/**
 * A membership one fan pays for and another claims: the recipient's email, claimable once paid,
 * by the fan signed in with that email, once.
 */
export const membershipGifts = pgTable(
  'membership_gifts',
  {
    id: uuid('id').primaryKey(),
    purchaserFanId: uuid('purchaser_fan_id')
      .notNull()
      .references(() => fans.id),
    recipientEmail: text('recipient_email').notNull(),
    tierId: uuid('tier_id')
      .notNull()
      .references(() => membershipTiers.id),
    months: integer('months').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    message: text('message'),
    paymentId: uuid('payment_id').references(() => payments.id),
    status: text('status', { enum: GIFT_STATUSES }).notNull().default('pending'),
    claimedByFanId: uuid('claimed_by_fan_id').references(() => fans.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('membership_gifts_recipient_idx').on(t.recipientEmail, t.status),
    index('membership_gifts_purchaser_idx').on(t.purchaserFanId, t.createdAt.desc()),
    check('membership_gifts_status_check', sql`${t.status} in ('pending', 'paid', 'claimed', 'refunded', 'void')`),
  ],
);
