import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';
import { festivalItems } from '../festival/festival.table.ts';
import { storeVariants, type ProductImage } from '../store/store.table.ts';
import type { Address, OrderCancelReason, OrderChannel, OrderStatus } from './orders.schemas.ts';

/** Order numbers fans and staff read ("100001"): sequential, never reused (a rolled-back checkout leaves a gap). */
export const ordersNumberSeq = pgSequence('orders_number_seq', { startWith: 100001 });

/**
 * An order: what a fan bought (its lines), for how much, and where it is on its way. The status
 * moves only by conditional UPDATEs (`where status = <from>`), so two movers never both win.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    number: bigint('number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('orders_number_seq')`),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id),
    channel: text('channel').$type<OrderChannel>().notNull(),
    status: text('status').$type<OrderStatus>().notNull().default('pending_payment'),
    currency: text('currency').notNull(),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull(),
    discountMinor: bigint('discount_minor', { mode: 'number' }).notNull().default(0),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    /** The member discount the lines were priced with, as the tier was named then. */
    discountTierName: text('discount_tier_name'),
    discountPercent: integer('discount_percent'),
    /** Where to ship; a festival order has none until the fan pays (orders_address_check). */
    address: jsonb('address').$type<Address>(),
    /** The festival item a festival order bought (one line, one item). */
    festivalItemId: uuid('festival_item_id').references(() => festivalItems.id, { onDelete: 'restrict' }),
    note: text('note').notNull().default(''),
    paymentDeadline: timestamp('payment_deadline', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    cancelReason: text('cancel_reason').$type<OrderCancelReason>(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** The latest payment asked for (a new one after a failed try); the paid one once paid. */
    paymentId: uuid('payment_id'),
    /** A payment that arrived after the order was canceled: refunded in full, by a job. */
    latePaymentId: uuid('late_payment_id'),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    // One order per checkout request, whatever the retries.
    uniqueIndex('orders_fan_idempotency_key').on(t.fanId, t.idempotencyKey),
    // The fan's orders, newest first.
    index('orders_fan_created_idx').on(t.fanId, t.createdAt.desc(), t.id),
    // The console: by status (and the expiry sweep: pending ones by deadline), newest first.
    index('orders_status_created_idx').on(t.status, t.createdAt.desc()),
    index('orders_pending_deadline_idx')
      .on(t.paymentDeadline)
      .where(sql`${t.status} = 'pending_payment'`),
    index('orders_created_idx').on(t.createdAt.desc(), t.id),
    index('orders_payment_idx').on(t.paymentId),
    // Start-up counts per festival item (and the foreign key's check when an item is deleted).
    index('orders_festival_item_idx')
      .on(t.festivalItemId)
      .where(sql`${t.festivalItemId} is not null`),
    check('orders_status_check', sql`${t.status} in ('pending_payment', 'paid', 'shipped', 'delivered', 'canceled', 'refunded')`),
    check('orders_channel_check', sql`${t.channel} in ('store', 'festival')`),
    check('orders_address_check', sql`${t.channel} = 'festival' or ${t.address} is not null`),
    check('orders_festival_item_check', sql`(${t.channel} = 'festival') = (${t.festivalItemId} is not null)`),
    check('orders_cancel_reason_check', sql`${t.cancelReason} is null or ${t.cancelReason} in ('expired', 'fan', 'staff')`),
    check('orders_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'orders_amounts_check',
      sql`${t.subtotalMinor} >= 0 and ${t.discountMinor} >= 0 and ${t.totalMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.totalMinor}`,
    ),
    check('orders_discount_percent_check', sql`${t.discountPercent} is null or (${t.discountPercent} between 1 and 100)`),
  ],
);

/**
 * One line of an order: the product as it was when ordered (title, address, variant, SKU,
 * picture) and its prices. The variant is referenced ON DELETE RESTRICT: deleting an ordered
 * variant fails, and the store archives it instead.
 */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => storeVariants.id, { onDelete: 'restrict' }),
    productId: uuid('product_id').notNull(),
    productSlug: text('product_slug').notNull(),
    productTitle: text('product_title').notNull(),
    variantName: text('variant_name').notNull(),
    sku: text('sku').notNull(),
    image: jsonb('image').$type<ProductImage | null>(),
    quantity: integer('quantity').notNull(),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
    listPriceMinor: bigint('list_price_minor', { mode: 'number' }).notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    lineTotalMinor: bigint('line_total_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId, t.position),
    // What the store's delete checks (the foreign key) and "orders of this variant".
    index('order_lines_variant_idx').on(t.variantId),
    check('order_lines_quantity_check', sql`${t.quantity} between 1 and 99`),
    check('order_lines_refunded_check', sql`${t.refundedQuantity} >= 0 and ${t.refundedQuantity} <= ${t.quantity}`),
    check('order_lines_prices_check', sql`${t.listPriceMinor} >= 0 and ${t.unitPriceMinor} >= 0 and ${t.lineTotalMinor} = ${t.unitPriceMinor} * ${t.quantity}`),
  ],
);

/** What a fan has put in their cart: one line per variant, priced when read (never stored). */
export const cartLines = pgTable(
  'cart_lines',
  {
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    // A variant deleted (never ordered) leaves every cart.
    variantId: uuid('variant_id')
      .notNull()
      .references(() => storeVariants.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fanId, t.variantId] }), check('cart_lines_quantity_check', sql`${t.quantity} between 1 and 99`)],
);
