import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';
import { storeVariants } from '../store/store.table.ts';

export const FESTIVAL_STATUSES = ['draft', 'published', 'canceled'] as const;
export type FestivalStatus = (typeof FESTIVAL_STATUSES)[number];

/**
 * A time-boxed sale (粉丝节). Staff edit a draft, then publish it: publishing holds every item's
 * quota out of its variant's stock (`store_variants.reserved`), so the store can never sell the
 * festival's units; unpublishing (before the sale opens) or canceling gives them back.
 */
export const festivals = pgTable(
  'festivals',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    descriptionMarkdown: text('description_markdown').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: FESTIVAL_STATUSES }).notNull().default('draft'),
    requiresReservation: boolean('requires_reservation').notNull().default(false),
    /** When reservations stop (null: at the start). */
    reservationsCloseAt: timestamp('reservations_close_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('festivals_slug_key').on(t.slug),
    // The fan site: published festivals not over yet, soonest first; the console: by start.
    index('festivals_status_ends_idx').on(t.status, t.endsAt),
    index('festivals_starts_idx').on(t.startsAt.desc(), t.id),
    check('festivals_status_check', sql`${t.status} in ('draft', 'published', 'canceled')`),
    check('festivals_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('festivals_dates_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('festivals_reservations_check', sql`${t.reservationsCloseAt} is null or ${t.reservationsCloseAt} <= ${t.startsAt}`),
  ],
);

/** A SKU on sale at a festival: its festival price (in the variant's currency), quota and per-fan limit. */
export const festivalItems = pgTable(
  'festival_items',
  {
    id: uuid('id').primaryKey(),
    festivalId: uuid('festival_id')
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => storeVariants.id, { onDelete: 'restrict' }),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    quota: integer('quota').notNull(),
    perFanLimit: integer('per_fan_limit').notNull(),
    /** Units durable festival orders hold (pending or paid): the order writer adds, expiry takes back. */
    sold: integer('sold').notNull().default(0),
    /**
     * When the item's unsold quota went back to the store (the festival ended or was canceled):
     * from then on a canceled or expired order's units go back to the store, not to the gate.
     */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('festival_items_variant_key').on(t.festivalId, t.variantId),
    // A variant's festivals (the store asks before deleting one: the foreign key refuses).
    index('festival_items_variant_idx').on(t.variantId),
    check('festival_items_price_check', sql`${t.priceMinor} > 0`),
    check('festival_items_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('festival_items_quota_check', sql`${t.quota} > 0`),
    check('festival_items_limit_check', sql`${t.perFanLimit} between 1 and 99 and ${t.perFanLimit} <= ${t.quota}`),
    // The database's own guarantee behind the gate: never more units than the quota.
    check('festival_items_sold_check', sql`${t.sold} >= 0 and ${t.sold} <= ${t.quota}`),
  ],
);

/**
 * Units one fan's durable festival orders hold of one item, with the item's per-fan limit copied
 * on the row: the database's own guarantee behind the gate that no fan goes over the limit.
 */
export const festivalFanUnits = pgTable(
  'festival_fan_units',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => festivalItems.id, { onDelete: 'cascade' }),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    units: integer('units').notNull(),
    perFanLimit: integer('per_fan_limit').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.fanId] }), check('festival_fan_units_limit_check', sql`${t.units} between 1 and ${t.perFanLimit}`)],
);

/** A fan's reservation (预约) of one item: the demand forecast, and who may attempt when required. */
export const festivalReservations = pgTable(
  'festival_reservations',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => festivalItems.id, { onDelete: 'cascade' }),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    festivalId: uuid('festival_id')
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.fanId] }),
    // One fan's reservations at one festival (the fan page).
    index('festival_reservations_fan_idx').on(t.fanId, t.festivalId),
    // Counts per item at one festival (the console's forecast).
    index('festival_reservations_festival_idx').on(t.festivalId, t.itemId),
  ],
);

/**
 * Attempts the bot checks refused, per festival, fan and kind (`challenge_fan_rate`,
 * `challenge_visitor_rate`: a proof of work asked; `challenge_invalid`: an answer that failed;
 * `too_many_attempts`: refused outright): the after-festival report's refusals by tier
 * and level. The attempt path only adds to a buffer in memory; the buffer is upserted here every
 * few seconds (board/refusal-log.ts), so a crash loses at most those seconds of refusals.
 */
export const festivalRefusals = pgTable(
  'festival_refusals',
  {
    festivalId: uuid('festival_id')
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    fanId: uuid('fan_id')
      .notNull()
      .references(() => fans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.festivalId, t.fanId, t.kind] }), check('festival_refusals_count_check', sql`${t.count} > 0`)],
);
