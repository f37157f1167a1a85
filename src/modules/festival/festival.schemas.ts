import { z } from 'zod';
import { INT8_SAFE_MAX, int4Field, int8Field, isWithinInstants } from '../../core/bounds.ts';
import { isoDate } from '../../core/fields.ts';
import { pageOf, pageQuery } from '../../core/pagination.ts';
import { FESTIVAL_STATUSES } from './festival.table.ts';

/** How a slug looks in an address: lower-case letters and digits in words joined by single hyphens. */
export const festivalSlugField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens, such as "double-eleven"');

/** A festival lasts at most this long (Xiaomi's ran 12 hours). */
export const MAX_FESTIVAL_DAYS = 31;
export const MAX_ITEMS = 50;
export const MAX_PER_FAN_LIMIT = 99;

const instant = z.iso
  .datetime({ offset: true, error: 'must be a date and time like 2026-11-11T12:00:00Z' })
  .transform((s) => new Date(s))
  .refine(isWithinInstants, 'must be between the years 1900 and 9999');

export const festivalBody = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    slug: festivalSlugField,
    descriptionMarkdown: z.string().max(20_000, 'must be at most 20,000 characters').default(''),
    startsAt: instant,
    endsAt: instant,
    requiresReservation: z.boolean().default(false),
    /** When reservations stop; null or left out: at the start. */
    reservationsCloseAt: instant.nullable().default(null),
  })
  .superRefine((f, ctx) => {
    // A field that failed its own check is reported there; compare only real instants.
    if (!(f.startsAt instanceof Date) || !(f.endsAt instanceof Date)) return;
    if (f.endsAt <= f.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start', params: { issue: 'before_start' } });
    else if (f.endsAt.getTime() - f.startsAt.getTime() > MAX_FESTIVAL_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `must be at most ${MAX_FESTIVAL_DAYS} days after the start` });
    if (f.reservationsCloseAt instanceof Date && f.reservationsCloseAt > f.startsAt)
      ctx.addIssue({ code: 'custom', path: ['reservationsCloseAt'], message: 'must not be after the start' });
  });
export type FestivalInput = z.infer<typeof festivalBody>;

/** An item's terms: festival price (minor units of the variant's currency), quota and per-fan limit. */
const itemTerms = {
  priceMinor: int8Field(1, INT8_SAFE_MAX, 'must be whole minor units (fen)'),
  quota: int4Field(1, 1_000_000),
  perFanLimit: int4Field(1, MAX_PER_FAN_LIMIT),
  position: int4Field(0, 10_000).default(0),
};
const limitWithinQuota = (i: { quota: number; perFanLimit: number }, ctx: z.RefinementCtx) => {
  if (i.perFanLimit > i.quota) ctx.addIssue({ code: 'custom', path: ['perFanLimit'], message: 'must not be above the quota' });
};
export const itemBody = z.object({ variantId: z.uuid('must be a valid id'), ...itemTerms }).superRefine(limitWithinQuota);
export type ItemInput = z.infer<typeof itemBody>;
export const itemTermsBody = z.object(itemTerms).superRefine(limitWithinQuota);
export type ItemTermsInput = z.infer<typeof itemTermsBody>;

export const adminFestivalListQuery = pageQuery.extend({ status: z.enum(FESTIVAL_STATUSES).optional() });
export type AdminFestivalListQuery = z.infer<typeof adminFestivalListQuery>;
export const festivalItemParams = z.object({ id: z.uuid('must be a valid id'), itemId: z.uuid('must be a valid id') });
export const festivalSlugParam = z.object({ slug: festivalSlugField });
export const reservationParams = z.object({ slug: festivalSlugField, itemId: z.uuid('must be a valid id') });

// ——— What the API answers ———

const money = z.object({ amountMinor: z.number().int(), currency: z.string() });
const variantRef = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  productTitle: z.string(),
  productSlug: z.string(),
  image: z.object({ url: z.string(), alt: z.string() }).nullable(),
  listPrice: money,
});

export const adminFestivalItemDto = z.object({
  id: z.uuid(),
  variant: variantRef.extend({ available: z.number().int(), onSale: z.boolean() }),
  price: money,
  quota: z.number().int(),
  perFanLimit: z.number().int(),
  position: z.number().int(),
  /** The demand forecast: fans who reserved this item. */
  reservations: z.number().int(),
  /** Live, from the gate, while published (null otherwise). */
  remaining: z.number().int().nullable(),
});
export type AdminFestivalItemDto = z.infer<typeof adminFestivalItemDto>;

const festivalFields = {
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  descriptionMarkdown: z.string(),
  descriptionHtml: z.string(),
  startsAt: isoDate,
  endsAt: isoDate,
  status: z.enum(FESTIVAL_STATUSES),
  requiresReservation: z.boolean(),
  reservationsCloseAt: isoDate.nullable(),
};

export const adminFestivalDto = z.object({
  ...festivalFields,
  /** When the first fans may attempt (the start less the longest early access of a tier): items and dates freeze then. */
  firstOpensAt: isoDate,
  createdAt: isoDate,
  updatedAt: isoDate,
  items: z.array(adminFestivalItemDto),
  /** Fans with at least one reservation. */
  reservedFans: z.number().int(),
});
export type AdminFestivalDto = z.infer<typeof adminFestivalDto>;
export const adminFestivalPage = pageOf(adminFestivalDto);

const eligibility = z.object({
  state: z.enum(['open', 'not_started', 'ended', 'not_eligible']),
  reason: z.enum(['reservation_required', 'early_access_only']).nullable(),
  /** When the sale opens for this reader (the start, less their early access). */
  opensAt: isoDate,
});
export type EligibilityDto = z.infer<typeof eligibility>;

export const fanFestivalItemDto = z.object({
  id: z.uuid(),
  variant: variantRef,
  price: money,
  quota: z.number().int(),
  perFanLimit: z.number().int(),
  remaining: z.number().int(),
  /** The reader reserved this item (false for visitors). */
  reserved: z.boolean(),
  eligibility,
});
export type FanFestivalItemDto = z.infer<typeof fanFestivalItemDto>;

export const fanFestivalSummaryDto = z.object({
  slug: z.string(),
  name: z.string(),
  startsAt: isoDate,
  endsAt: isoDate,
  requiresReservation: z.boolean(),
  /** The reader's opening time (early access included). */
  opensAt: isoDate,
});
export type FanFestivalSummaryDto = z.infer<typeof fanFestivalSummaryDto>;

export const fanFestivalDto = z.object({
  ...festivalFields,
  /** The server's clock when it answered: count down from this, not from the phone's clock. */
  serverTime: isoDate,
  /** When reservations stop (the close, or the start). */
  reservationsUntil: isoDate,
  reservationsOpen: z.boolean(),
  /** The reader's early access in minutes (0: none, or a visitor). */
  earlyAccessMinutes: z.number().int(),
  signedIn: z.boolean(),
  eligibility,
  items: z.array(fanFestivalItemDto),
});
export type FanFestivalDto = z.infer<typeof fanFestivalDto>;

export const fanFestivalList = z.object({ serverTime: isoDate, festivals: z.array(fanFestivalSummaryDto) });
export const reservationResult = z.object({ itemId: z.uuid(), reserved: z.boolean(), reservations: z.number().int() });

// ——— Mappers ———

type VariantLike = import('./festival-ports.ts').CatalogueVariant;
type FestivalRowLike = import('./festival.repository.ts').FestivalRow;
type ItemRowLike = import('./festival.repository.ts').FestivalItemRow;

const missingVariant = (id: string): VariantLike => ({
  id,
  sku: '',
  name: '',
  priceMinor: 0,
  currency: '',
  available: 0,
  onSale: false,
  product: { id: '', title: '', slug: '', image: null },
});

export const toVariantRef = (v: VariantLike) => ({
  id: v.id,
  sku: v.sku,
  name: v.name,
  productTitle: v.product.title,
  productSlug: v.product.slug,
  image: v.product.image,
  listPrice: { amountMinor: v.priceMinor, currency: v.currency },
});

const festivalFieldsOf = (f: FestivalRowLike) => ({
  id: f.id,
  slug: f.slug,
  name: f.name,
  descriptionMarkdown: f.descriptionMarkdown,
  descriptionHtml: f.descriptionHtml,
  startsAt: f.startsAt.toISOString(),
  endsAt: f.endsAt.toISOString(),
  status: f.status,
  requiresReservation: f.requiresReservation,
  reservationsCloseAt: f.reservationsCloseAt?.toISOString() ?? null,
});
export { festivalFieldsOf };

export function toAdminFestivalDto(
  f: FestivalRowLike,
  items: ItemRowLike[],
  ctx: { variants: Map<string, VariantLike>; reservations: Map<string, number>; reservedFans: number; remaining: Map<string, number | null>; firstOpensAt: Date },
): AdminFestivalDto {
  return {
    ...festivalFieldsOf(f),
    firstOpensAt: ctx.firstOpensAt.toISOString(),
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    reservedFans: ctx.reservedFans,
    items: items.map((i) => {
      const v = ctx.variants.get(i.variantId) ?? missingVariant(i.variantId);
      return {
        id: i.id,
        variant: { ...toVariantRef(v), available: v.available, onSale: v.onSale },
        price: { amountMinor: i.priceMinor, currency: i.currency },
        quota: i.quota,
        perFanLimit: i.perFanLimit,
        position: i.position,
        reservations: ctx.reservations.get(i.id) ?? 0,
        remaining: ctx.remaining.get(i.id) ?? null,
      };
    }),
  };
}
export { missingVariant };
