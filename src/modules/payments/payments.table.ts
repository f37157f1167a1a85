import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'canceled', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * One payment a fan is asked to make, for a reference another module owns (a membership period,
 * an order). Its status moves only on a verified provider notification, and never backwards.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id),
    /** What is paid for: `membership`, `order`; and the owning module's id for it. */
    referenceType: text('reference_type').notNull(),
    referenceId: text('reference_id').notNull(),
    description: text('description').notNull(),
    /** Where the fan comes back to after paying (the page then waits for the verified notification). */
    returnUrl: text('return_url').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    provider: text('provider').notNull(),
    /** The provider's id for it (a checkout session, an out_trade_no). */
    providerPaymentId: text('provider_payment_id'),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    /** Set when a notification claimed a different amount or currency: staff look into it; nothing was marked. */
    mismatchAt: timestamp('mismatch_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** Asked to renew by itself every this many months (a subscription at the provider). */
    recurringMonths: integer('recurring_months'),
    /** The provider's subscription id, once the first payment of a recurring one is paid. */
    subscriptionId: text('subscription_id'),
    /** For a renewal the provider charged by itself: the subscription's first payment. */
    renewalOf: uuid('renewal_of'),
  },
  (t) => [
    index('payments_fan_idx').on(t.fanId, t.createdAt.desc()),
    index('payments_created_idx').on(t.createdAt.desc(), t.id),
    index('payments_reference_idx').on(t.referenceType, t.referenceId),
    uniqueIndex('payments_provider_id_key').on(t.provider, t.providerPaymentId),
    index('payments_subscription_idx')
      .on(t.provider, t.subscriptionId)
      .where(sql`${t.subscriptionId} is not null`),
    check('payments_recurring_check', sql`${t.recurringMonths} in (1, 12)`),
    check('payments_status_check', sql`${t.status} in ('pending', 'paid', 'failed', 'canceled', 'partially_refunded', 'refunded')`),
    check('payments_amount_check', sql`${t.amountMinor} > 0`),
    check('payments_refunded_check', sql`${t.refundedMinor} between 0 and ${t.amountMinor}`),
    check('payments_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const REFUND_STATUSES = ['requested', 'succeeded', 'failed'] as const;

/** A refund staff asked for; it counts once the provider's notification confirms it. */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    reason: text('reason'),
    status: text('status', { enum: REFUND_STATUSES }).notNull().default('requested'),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    /** How many times the provider was asked (a call it did not answer is tried again later, with backoff). */
    attempts: integer('attempts').notNull().default(0),
    /** Why the provider could not take it: the last error, kept while it is retried and when it failed for good. */
    lastError: text('last_error'),
  },
  (t) => [
    index('payment_refunds_payment_idx').on(t.paymentId),
    check('payment_refunds_amount_check', sql`${t.amountMinor} > 0`),
    check('payment_refunds_status_check', sql`${t.status} in ('requested', 'succeeded', 'failed')`),
  ],
);

/** `ignored`: genuine, but about nothing payments act on (answered 200 so the provider stops resending it). */
export const NOTIFICATION_OUTCOMES = ['applied', 'duplicate', 'stale', 'mismatch', 'rejected', 'unknown_payment', 'ignored'] as const;
export type NotificationOutcome = (typeof NOTIFICATION_OUTCOMES)[number];

/**
 * Every notification a provider sent, stored raw as received (verified or not), with what it
 * did. A provider's notification id is applied at most once.
 */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text('provider').notNull(),
    /** The provider's id of this notification (null when it could not be verified). */
    notificationId: text('notification_id'),
    paymentId: uuid('payment_id').references(() => payments.id),
    event: text('event'),
    verified: boolean('verified').notNull(),
    outcome: text('outcome', { enum: NOTIFICATION_OUTCOMES }).notNull(),
    error: text('error'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_notifications_applied_key')
      .on(t.provider, t.notificationId)
      .where(sql`${t.outcome} <> 'duplicate' and ${t.notificationId} is not null`),
    index('payment_notifications_payment_idx').on(t.paymentId, t.receivedAt),
    index('payment_notifications_received_idx').on(t.receivedAt),
  ],
);

/**
 * The sandbox gateway's outbox: each notification it owes the server, delivered asynchronously
 * over HTTP with retries and backoff, as a real gateway does.
 */
export const sandboxDeliveries = pgTable(
  'sandbox_deliveries',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    /** The notification's JSON body (signed when it is sent). */
    body: text('body').notNull(),
    /** A subscription's next renewal, due at its period's end (canceling the subscription drops it). */
    subscriptionId: text('subscription_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sandbox_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null`),
  ],
);

/**
 * Where fans buy: memberships (and gifts of them), the store, the fan festival. Each channel of
 * sale takes its payments through one provider.
 */
export const SALE_CHANNELS = ['membership', 'store', 'festival'] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];

/**
 * The provider the owner chose for a channel of sale; a channel with no row takes the default
 * provider. A choice naming a provider that is not configured (its variables removed) stays
 * stored and shows as a warning, while the default takes the channel's payments.
 */
export const paymentSaleChannels = pgTable(
  'payment_sale_channels',
  {
    channel: text('channel', { enum: SALE_CHANNELS }).primaryKey(),
    provider: text('provider').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('payment_sale_channels_channel_check', sql`${t.channel} in ('membership', 'store', 'festival')`)],
);
