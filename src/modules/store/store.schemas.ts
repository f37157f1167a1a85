import { z } from 'zod';
import { INT4_MAX, INT8_SAFE_MAX, int4Field, int4Query, int8Field } from '../../core/bounds.ts';
import { isoDate } from '../../core/fields.ts';
import { DEFAULT_CURRENCY } from '../../core/money.ts';
import { pageOf, pageQuery } from '../../core/pagination.ts';
import { PRODUCT_STATUSES } from './store.table.ts';
import type { CategoryRow, ProductCategoryRow, ProductRow, VariantRow } from './store.repository.ts';
import { memberPriceMinor, type ReaderDiscounts, type TierDiscount } from './store-pricing.ts';

/** How a slug looks in an address: lower-case letters and digits in words joined by single hyphens. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const slugField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(SLUG, 'must be lower-case letters, digits and single hyphens, such as "summer-tee"');

/** A SKU: letters, digits and . _ - / (unique across the store whatever its case). */
export const skuField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'must be letters, digits and . _ - /, starting with a letter or digit');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000, 'must be at most 2,000 characters');

export const MAX_IMAGES = 10;
export const MAX_VARIANTS = 100;
export const MAX_OPTIONS = 3;
/** A variant whose available stock is at most this many is low on stock (the console's default). */
export const LOW_STOCK_AT = 5;

const unique = <T>(values: T[], key: (v: T) => string) => new Set(values.map(key)).size === values.length;

export const imageField = z.object({
  url: httpUrl,
  alt: z.string().trim().max(200, 'must be at most 200 characters').default(''),
});

export const optionField = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(30, 'must be at most 30 characters'),
  value: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
});

/** A variant's price: whole minor units (fen for CNY), more than 0, in a 3-letter currency. */
export const priceField = z.object({
  amountMinor: int8Field(1, INT8_SAFE_MAX, 'must be whole minor units (fen)'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')
    .default(DEFAULT_CURRENCY),
});

export const variantBody = z.object({
  sku: skuField,
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  options: z
    .array(optionField)
    .max(MAX_OPTIONS, `must have at most ${MAX_OPTIONS} options`)
    .refine((o) => unique(o, (x) => x.name.toLowerCase()), { message: 'each option name at most once', params: { issue: 'duplicate' } })
    .default([]),
  price: priceField,
  /** Units on hand. */
  stock: int4Field(0, INT4_MAX).default(0),
  weightGrams: int4Field(0, INT4_MAX).default(0),
  active: z.boolean().default(true),
});
export type VariantInput = z.infer<typeof variantBody>;

const productFields = {
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  slug: slugField,
  descriptionMarkdown: z.string().max(50_000, 'must be at most 50,000 characters').default(''),
  images: z.array(imageField).max(MAX_IMAGES, `must have at most ${MAX_IMAGES} images`).default([]),
  categoryIds: z
    .array(z.uuid('must be a valid id'))
    .max(20, 'must have at most 20 categories')
    .refine((ids) => unique(ids, (id) => id), { message: 'each category at most once', params: { issue: 'duplicate' } })
    .default([]),
};

/** A product's details (PUT replaces them all); its variants have routes of their own. */
export const productBody = z.object(productFields);
export type ProductInput = z.infer<typeof productBody>;

/** A new product, with its first variants if you like (SKUs must differ from each other and from every other variant's). */
export const createProductBody = z
  .object({ ...productFields, variants: z.array(variantBody).max(MAX_VARIANTS, `must have at most ${MAX_VARIANTS} variants`).default([]) })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.variants.forEach((v, i) => {
      const key = v.sku.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: 'is used by another variant here', params: { issue: 'duplicate' } });
      seen.add(key);
    });
  });
export type CreateProductInput = z.infer<typeof createProductBody>;

export const categoryBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  slug: slugField,
  position: int4Field(0, 10_000).default(0),
});
export type CategoryInput = z.infer<typeof categoryBody>;

const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

export const adminProductListQuery = pageQuery.extend({
  status: z.enum(PRODUCT_STATUSES).optional(),
  categoryId: z.uuid('must be a valid id').optional(),
  /** Title or SKU contains this. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Only products with an active variant at or below `lowStockAt` units available. */
  lowStock: flag.optional(),
  lowStockAt: int4Query(0, INT4_MAX).default(LOW_STOCK_AT),
});
export type AdminProductListQuery = z.infer<typeof adminProductListQuery>;

export const storeListQuery = pageQuery.extend({
  /** A category's slug. */
  category: slugField.optional(),
  /** Title contains this. */
  q: z.string().trim().min(1).max(100).optional(),
});
export type StoreListQuery = z.infer<typeof storeListQuery>;

export const slugParam = z.object({ slug: slugField });
export const lowStockQuery = z.object({ lowStockAt: int4Query(0, INT4_MAX).default(LOW_STOCK_AT) });

// ——— What the API answers ———

const money = z.object({ amountMinor: z.number().int(), currency: z.string() });
const categoryRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
const tierRef = z.object({ id: z.uuid(), name: z.string() });
const image = z.object({ url: z.string(), alt: z.string() });
const option = z.object({ name: z.string(), value: z.string() });
/** Lowest and highest price of a product's variants on sale (they share one currency). */
const priceRange = z.object({ currency: z.string(), minMinor: z.number().int(), maxMinor: z.number().int() });

export const categoryDto = categoryRef.extend({ position: z.number().int(), products: z.number().int() });
export type CategoryDto = z.infer<typeof categoryDto>;

export const adminVariantDto = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  name: z.string(),
  options: z.array(option),
  price: money,
  /** On hand, as staff set it. */
  stock: z.number().int(),
  /** Held by checkouts (the orders work); `available` = stock − reserved. */
  reserved: z.number().int(),
  available: z.number().int(),
  weightGrams: z.number().int(),
  active: z.boolean(),
  /** Set once an ordered variant is deleted: kept for its orders, no longer sold or edited. */
  archivedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type AdminVariantDto = z.infer<typeof adminVariantDto>;

export const adminProductDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  descriptionMarkdown: z.string(),
  descriptionHtml: z.string(),
  images: z.array(image),
  categories: z.array(categoryRef),
  status: z.enum(PRODUCT_STATUSES),
  publishedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  variants: z.array(adminVariantDto),
  /** List prices of the active variants; null without one. */
  priceRange: priceRange.nullable(),
  /** Units on hand over the active variants. */
  stockTotal: z.number().int(),
  /** An active variant has at most `lowStockAt` units available. */
  lowStock: z.boolean(),
});
export type AdminProductDto = z.infer<typeof adminProductDto>;
export const adminProductPage = pageOf(adminProductDto);

export const deleteVariantResult = z.object({
  /** `archived`: the variant has been ordered, so it is kept for its orders and no longer sold. */
  result: z.enum(['deleted', 'archived']),
  variant: adminVariantDto.nullable(),
});

/** A price a membership gives: the tier, its percent, and the amount (rounded down to the minor unit). */
const memberPrice = z.object({ tier: tierRef, percent: z.number().int(), amountMinor: z.number().int() });
const memberPriceRange = z.object({ tier: tierRef, percent: z.number().int(), minMinor: z.number().int(), maxMinor: z.number().int() });

export const storeVariantDto = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  options: z.array(option),
  price: money,
  /** What this signed-in member pays; null for visitors, non-members and tiers without a store discount. */
  memberPrice: memberPrice.nullable(),
  /** What the best-discounted tier on offer pays, when it beats `memberPrice`: "Gold members pay ¥X". */
  memberHint: memberPrice.nullable(),
  inStock: z.boolean(),
  weightGrams: z.number().int(),
});

export const storeProductSummaryDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  image: image.nullable(),
  categories: z.array(categoryRef),
  /** List prices of the variants on sale; null when none is (the product shows as unavailable). */
  price: priceRange.nullable(),
  memberPrice: memberPriceRange.nullable(),
  memberHint: memberPriceRange.nullable(),
  /** A variant on sale has stock available. */
  inStock: z.boolean(),
});
export const storeProductDto = storeProductSummaryDto.extend({
  descriptionHtml: z.string(),
  images: z.array(image),
  variants: z.array(storeVariantDto),
});
export const storeProductPage = pageOf(storeProductSummaryDto);
export const storeCategoryDto = categoryRef.extend({ products: z.number().int() });

export type StoreVariantDto = z.infer<typeof storeVariantDto>;
export type StoreProductSummaryDto = z.infer<typeof storeProductSummaryDto>;
export type StoreProductDto = z.infer<typeof storeProductDto>;
export type StoreCategoryDto = z.infer<typeof storeCategoryDto>;
export type DeleteVariantResult = z.infer<typeof deleteVariantResult>;

// ——— Mappers ———

const iso = (d: Date) => d.toISOString();
const categoryRefOf = (c: ProductCategoryRow) => ({ id: c.id, slug: c.slug, name: c.name });
const available = (v: VariantRow) => v.stock - v.reserved;
const onSale = (v: VariantRow) => v.active && v.archivedAt === null;

/** Lowest and highest list price of these variants (one currency: a product sells in one). */
function rangeOf(variants: VariantRow[]) {
  if (variants.length === 0) return null;
  const prices = variants.map((v) => v.priceMinor);
  return { currency: variants[0]!.currency, minMinor: Math.min(...prices), maxMinor: Math.max(...prices) };
}

export const toCategoryDto = (c: CategoryRow, products: number): CategoryDto => ({ id: c.id, slug: c.slug, name: c.name, position: c.position, products });

export const toAdminVariantDto = (v: VariantRow): AdminVariantDto => ({
  id: v.id,
  productId: v.productId,
  sku: v.sku,
  name: v.name,
  options: v.options,
  price: { amountMinor: v.priceMinor, currency: v.currency },
  stock: v.stock,
  reserved: v.reserved,
  available: available(v),
  weightGrams: v.weightGrams,
  active: v.active,
  archivedAt: v.archivedAt ? iso(v.archivedAt) : null,
  createdAt: iso(v.createdAt),
  updatedAt: iso(v.updatedAt),
});

export function toAdminProductDto(p: ProductRow, variants: VariantRow[], categories: ProductCategoryRow[], lowStockAt: number): AdminProductDto {
  const selling = variants.filter(onSale);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    descriptionMarkdown: p.descriptionMarkdown,
    descriptionHtml: p.descriptionHtml,
    images: p.images,
    categories: categories.map(categoryRefOf),
    status: p.status,
    publishedAt: p.publishedAt ? iso(p.publishedAt) : null,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    variants: variants.map(toAdminVariantDto),
    priceRange: rangeOf(selling),
    stockTotal: selling.reduce((sum, v) => sum + v.stock, 0),
    lowStock: selling.some((v) => available(v) <= lowStockAt),
  };
}

const priceWith = (d: TierDiscount | null, listMinor: number) =>
  d ? { tier: d.tier, percent: d.percent, amountMinor: memberPriceMinor(listMinor, d.percent) } : null;
function rangeWith(d: TierDiscount | null, range: ReturnType<typeof rangeOf>) {
  if (!d || !range) return null;
  // Rounding down keeps the order: the member range is the list range's ends, discounted.
  return { tier: d.tier, percent: d.percent, minMinor: memberPriceMinor(range.minMinor, d.percent), maxMinor: memberPriceMinor(range.maxMinor, d.percent) };
}

/** A published product on a store card; `selling` are its variants on sale (active, not archived). */
export function toStoreProductSummaryDto(
  p: ProductRow,
  selling: VariantRow[],
  categories: ProductCategoryRow[],
  discounts: ReaderDiscounts,
): StoreProductSummaryDto {
  const range = rangeOf(selling);
  const image = p.images[0];
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    image: image ? { url: image.url, alt: image.alt } : null,
    categories: categories.map(categoryRefOf),
    price: range,
    memberPrice: rangeWith(discounts.own, range),
    memberHint: rangeWith(discounts.hint, range),
    inStock: selling.some((v) => available(v) > 0),
  };
}

export const toStoreProductDto = (p: ProductRow, selling: VariantRow[], categories: ProductCategoryRow[], discounts: ReaderDiscounts): StoreProductDto => ({
  ...toStoreProductSummaryDto(p, selling, categories, discounts),
  descriptionHtml: p.descriptionHtml,
  images: p.images,
  variants: selling.map((v) => ({
    id: v.id,
    sku: v.sku,
    name: v.name,
    options: v.options,
    price: { amountMinor: v.priceMinor, currency: v.currency },
    memberPrice: priceWith(discounts.own, v.priceMinor),
    memberHint: priceWith(discounts.hint, v.priceMinor),
    inStock: available(v) > 0,
    weightGrams: v.weightGrams,
  })),
});
