import { z } from 'zod';
import { pageQuery, pageOf } from '../../core/pagination.ts';
import { paymentAction } from '../payments/payments.schemas.ts';
import type { MembershipRow, PurchaseRow, TierRow } from './memberships.repository.ts';
import { emailField } from '../../core/fields.ts';
import { CANCEL_REASONS, GIFT_STATUSES, MEMBERSHIP_STATUSES, PURCHASE_KINDS, PURCHASE_STATUSES, TIER_STATUSES } from './memberships.table.ts';
import { perkSchema, perksSchema } from './tier-perks.ts';

export type { Perk } from './tier-perks.ts';

/** Prices up to ¥1,000,000 a period (in minor units): bounded well inside what the columns hold. */
const priceField = z.number().int('must be a whole number of minor units').min(1, 'must be more than 0').max(100_000_000);

export const tierInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  description: z.string().trim().max(2_000, 'must be at most 2,000 characters').default(''),
  rank: z.number().int().min(1).max(1_000),
  monthlyPriceMinor: priceField,
  yearlyPriceMinor: priceField,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as CNY')
    .default('CNY'),
  perks: perksSchema.default([]),
});
export type TierInput = z.infer<typeof tierInput>;
export const tierPatch = tierInput.partial();
export type TierPatch = z.infer<typeof tierPatch>;

export const tierDto = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  rank: z.number().int(),
  monthlyPriceMinor: z.number().int(),
  yearlyPriceMinor: z.number().int(),
  currency: z.string(),
  perks: z.array(perkSchema),
  status: z.enum(TIER_STATUSES),
});
export type TierDto = z.infer<typeof tierDto>;
export const staffTierDto = tierDto.extend({ members: z.number().int(), holders: z.number().int(), createdAt: z.iso.datetime() });

export const toTierDto = (t: TierRow): TierDto => ({
  id: t.id,
  name: t.name,
  description: t.description,
  rank: t.rank,
  monthlyPriceMinor: t.monthlyPriceMinor,
  yearlyPriceMinor: t.yearlyPriceMinor,
  currency: t.currency,
  perks: t.perks,
  status: t.status,
});

export const membershipDto = z.object({
  id: z.uuid(),
  status: z.enum(MEMBERSHIP_STATUSES),
  tier: tierDto,
  currentPeriodStart: z.iso.datetime(),
  currentPeriodEnd: z.iso.datetime(),
  /** Renews by itself every this many months until canceled (null: prepaid, renewed by paying again). */
  renewsEveryMonths: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
  canceledAt: z.iso.datetime().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  expiredAt: z.iso.datetime().nullable(),
});
export type MembershipDto = z.infer<typeof membershipDto>;

export const toMembershipDto = (m: MembershipRow, tier: TierRow): MembershipDto => ({
  id: m.id,
  status: m.status,
  tier: toTierDto(tier),
  currentPeriodStart: m.currentPeriodStart.toISOString(),
  currentPeriodEnd: m.currentPeriodEnd.toISOString(),
  renewsEveryMonths: m.renewingPaymentId ? m.renewalMonths : null,
  startedAt: m.startedAt.toISOString(),
  canceledAt: m.canceledAt?.toISOString() ?? null,
  cancelReason: m.cancelReason,
  expiredAt: m.expiredAt?.toISOString() ?? null,
});

export const purchaseDto = z.object({
  id: z.uuid(),
  kind: z.enum(PURCHASE_KINDS),
  status: z.enum(PURCHASE_STATUSES),
  tierId: z.uuid(),
  tierName: z.string(),
  months: z.number().int(),
  amountMinor: z.number().int(),
  creditMinor: z.number().int(),
  currency: z.string(),
  autoRenew: z.boolean(),
  paymentId: z.uuid().nullable(),
  periodStart: z.iso.datetime().nullable(),
  periodEnd: z.iso.datetime().nullable(),
  refundedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable(),
});
export type PurchaseDto = z.infer<typeof purchaseDto>;
export const staffPurchaseDto = purchaseDto.extend({ note: z.string().nullable(), grantedBy: z.string().nullable() });

export const toPurchaseDto = (p: PurchaseRow, tierName: string): PurchaseDto => ({
  id: p.id,
  kind: p.kind,
  status: p.status,
  tierId: p.tierId,
  tierName,
  months: p.months,
  amountMinor: p.amountMinor,
  creditMinor: p.creditMinor,
  currency: p.currency,
  autoRenew: p.autoRenew,
  paymentId: p.paymentId,
  periodStart: p.periodStart?.toISOString() ?? null,
  periodEnd: p.periodEnd?.toISOString() ?? null,
  refundedAt: p.refundedAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
  settledAt: p.settledAt?.toISOString() ?? null,
});

/** The membership page's offer: the tiers, whether payments here are test payments, and whether they can renew by themselves. */
export const membershipOfferDto = z.object({ tiers: z.array(tierDto), testMode: z.boolean(), recurring: z.boolean(), provider: z.string() });

export const myMembershipDto = z.object({ membership: membershipDto.nullable(), purchases: z.array(purchaseDto) });

const offerCode = z.string().regex(/^[A-Za-z0-9_-]{4,32}$/, 'must be 4 to 32 letters, digits, - or _');

export const checkoutBody = z.object({
  tierId: z.uuid('must be a valid id'),
  interval: z.enum(['month', 'year']),
  autoRenew: z.boolean().default(false),
  /** An offer link's code: a discounted first period. */
  offerCode: offerCode.optional(),
});
export type CheckoutInput = z.infer<typeof checkoutBody>;
/** What the fan does next: pay (the action), or nothing when the purchase cost nothing and is settled already. */
export const checkoutDto = z.object({ purchase: purchaseDto, action: paymentAction.nullable(), testMode: z.boolean() });

/** The purchase the membership page waits on after the fan has paid. */
export const purchaseStatusDto = z.object({
  purchase: purchaseDto,
  paymentStatus: z.string().nullable(),
  membership: membershipDto.nullable(),
});

export const cancelBody = z.object({
  reason: z.enum(CANCEL_REASONS),
  note: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});
export type CancelInput = z.infer<typeof cancelBody>;

export const compBody = z.object({
  tierId: z.uuid('must be a valid id'),
  months: z.number().int().min(1).max(36),
  note: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});
export type CompInput = z.infer<typeof compBody>;

export const purchaseRefundBody = z.object({ reason: z.string().trim().max(500).optional() });

export const membershipListQuery = pageQuery.extend({
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  tierId: z.uuid().optional(),
});
export type MembershipListQuery = z.infer<typeof membershipListQuery>;
export const staffMembershipDto = membershipDto.extend({
  fan: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  cancelNote: z.string().nullable(),
});
export const membershipPage = pageOf(staffMembershipDto);
export const fanMembershipDto = z.object({
  membership: staffMembershipDto.omit({ fan: true }).nullable(),
  purchases: z.array(staffPurchaseDto),
});

/** Offers end at most two years ahead: bounded well inside what the column holds. */
const MAX_OFFER_DAYS = 731;
export const offerInput = z
  .object({
    tierId: z.uuid('must be a valid id'),
    interval: z.enum(['month', 'year']),
    priceMinor: z.number().int('must be a whole number of minor units').min(1, 'must be more than 0').max(100_000_000),
    endsAt: z.iso.datetime({ offset: true }),
    maxRedemptions: z.number().int().min(1).max(1_000_000),
    code: offerCode.optional(),
  })
  .refine((o) => Date.parse(o.endsAt) > Date.now(), { path: ['endsAt'], message: 'must be in the future' })
  .refine((o) => Date.parse(o.endsAt) < Date.now() + MAX_OFFER_DAYS * 86_400_000, { path: ['endsAt'], message: 'must be within two years' });
export type OfferInput = z.infer<typeof offerInput>;
export const offerDto = z.object({
  id: z.uuid(),
  code: z.string(),
  url: z.string(),
  tier: z.object({ id: z.uuid(), name: z.string() }),
  interval: z.enum(['month', 'year']),
  priceMinor: z.number().int(),
  regularPriceMinor: z.number().int(),
  currency: z.string(),
  endsAt: z.iso.datetime(),
  maxRedemptions: z.number().int(),
  redemptions: z.number().int(),
  createdAt: z.iso.datetime(),
});
export const publicOfferDto = offerDto
  .pick({ code: true, tier: true, interval: true, priceMinor: true, regularPriceMinor: true, currency: true, endsAt: true })
  .extend({ placesLeft: z.number().int(), ended: z.boolean() });
export const offerCodeParam = z.object({ code: offerCode });

export const giftInput = z.object({
  tierId: z.uuid('must be a valid id'),
  interval: z.enum(['month', 'year']),
  recipientEmail: emailField,
  message: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});
export type GiftInput = z.infer<typeof giftInput>;
export const giftDto = z.object({
  id: z.uuid(),
  tier: z.object({ id: z.uuid(), name: z.string() }),
  months: z.number().int(),
  amountMinor: z.number().int(),
  currency: z.string(),
  recipientEmail: z.string(),
  message: z.string().nullable(),
  status: z.enum(GIFT_STATUSES),
  claimedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export const giftCheckoutDto = z.object({ gift: giftDto, action: paymentAction, testMode: z.boolean() });
export const myGiftsDto = z.object({ received: z.array(giftDto), sent: z.array(giftDto) });
