import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const PRODUCT_STATUSES = ['unpublished', 'published'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A product picture, by address (http or https): shown in this order, the first one on cards. */
export type ProductImage = { url: string; alt: string };
/** One of a variant's options, such as `{ name: 'Size', value: 'L' }`. */
export type VariantOption = { name: string; value: string };

/**
 * What the store sells. Fans see a product only while it is published, on every route; its
 * description is Markdown, rendered and sanitised into `description_html` on save.
 */
export const storeProducts = pgTable(
  'store_products',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    descriptionMarkdown: text('description_markdown').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    images: jsonb('images').$type<ProductImage[]>().notNull().default([]),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('unpublished'),
    /** The last time it was published (the store lists newest first). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('store_products_slug_key').on(t.slug),
    // The fan store: published, newest first.
    index('store_products_shelf_idx').on(t.status, t.publishedAt.desc(), t.id),
    // The console list: last edited first.
    index('store_products_updated_idx').on(t.updatedAt.desc(), t.id),
    check('store_products_status_check', sql`${t.status} in ('unpublished', 'published')`),
    check('store_products_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('store_products_images_check', sql`jsonb_typeof(${t.images}) = 'array' and jsonb_array_length(${t.images}) <= 10`),
  ],
);

/** Staff-managed shelves (T-shirts, Snacks); a product may be on several. */
export const storeCategories = pgTable(
  'store_categories',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Order in the store's category filter (lowest first, then by name). */
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('store_categories_slug_key').on(t.slug), check('store_categories_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const storeProductCategories = pgTable(
  'store_product_categories',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => storeProducts.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => storeCategories.id, { onDelete: 'cascade' }),
  },
  // The primary key serves "this product's categories"; the index "this category's products".
  (t) => [primaryKey({ columns: [t.productId, t.categoryId] }), index('store_product_categories_category_idx').on(t.categoryId, t.productId)],
);

/**
 * What a fan picks and an order line will name: SKU (unique across the store, whatever its
 * case), price, stock and weight. `stock` is the on-hand count staff set; `reserved` is the part
 * of it checkouts hold (the orders work moves it, in one conditional UPDATE, see README "Store"):
 * the database keeps 0 ≤ reserved ≤ stock, so a reservation can never oversell. A variant that
 * has been ordered is archived (`archived_at`), never deleted: order lines reference it.
 */
export const storeVariants = pgTable(
  'store_variants',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => storeProducts.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    options: jsonb('options').$type<VariantOption[]>().notNull().default([]),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    stock: integer('stock').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    weightGrams: integer('weight_grams').notNull().default(0),
    /** Inactive variants are not offered to fans (a colour not made this season). */
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('store_variants_sku_key').on(sql`lower(${t.sku})`),
    index('store_variants_product_idx').on(t.productId, t.position),
    check('store_variants_price_check', sql`${t.priceMinor} > 0`),
    check('store_variants_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('store_variants_stock_check', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.stock}`),
    check('store_variants_weight_check', sql`${t.weightGrams} >= 0`),
  ],
);
