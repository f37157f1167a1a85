import type { z } from 'zod';
import type {
  checkoutDto,
  giftCheckoutDto,
  giftDto,
  myGiftsDto,
  publicOfferDto,
  membershipDto,
  myMembershipDto,
  membershipOfferDto,
  Perk,
  purchaseDto,
  purchaseStatusDto,
  tierDto,
} from '@server/modules/memberships/memberships.schemas.ts';

export type { Perk };
export type Tier = z.infer<typeof tierDto>;
export type MembershipOffer = z.infer<typeof membershipOfferDto>;
export type Membership = z.infer<typeof membershipDto>;
export type MyMembership = z.infer<typeof myMembershipDto>;
export type Purchase = z.infer<typeof purchaseDto>;
export type PurchaseStatus = z.infer<typeof purchaseStatusDto>;
export type Checkout = z.infer<typeof checkoutDto>;
export type Interval = 'month' | 'year';
export const CANCEL_REASONS = ['too_expensive', 'not_using', 'missing_content', 'switching', 'temporary', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export type PublicOffer = z.infer<typeof publicOfferDto>;
export type Gift = z.infer<typeof giftDto>;
export type MyGifts = z.infer<typeof myGiftsDto>;
export type GiftCheckout = z.infer<typeof giftCheckoutDto>;
