import type { z } from 'zod';
import type {
  compBody,
  fanMembershipDto,
  membershipPage,
  purchaseRefundBody,
  staffMembershipDto,
  staffPurchaseDto,
  staffTierDto,
  tierDto,
  tierInput,
} from '@server/modules/memberships/memberships.schemas.ts';

export const MEMBERSHIP_STATUSES = ['active', 'canceled', 'past_due', 'expired'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const TIER_STATUSES = ['active', 'archived'] as const;
export type TierStatus = (typeof TIER_STATUSES)[number];

export const PURCHASE_KINDS = ['join', 'renewal', 'upgrade', 'comp', 'gift'] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];

export const CANCEL_REASONS = ['too_expensive', 'not_using', 'missing_content', 'switching', 'temporary', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** A tier as fans are offered it. */
export type Tier = z.infer<typeof tierDto>;
/** A tier as staff see it: with how many fans hold it now (`members`) and have ever held it (`holders`). */
export type StaffTier = z.infer<typeof staffTierDto>;
/** What staff send to create a tier (prices in minor units); an edit sends the same. */
export type TierInput = z.input<typeof tierInput>;
export type Perk = Tier['perks'][number];
export type PerkKind = Perk['kind'];

/** One fan's membership in the staff list, with the fan and the note they gave when canceling. */
export type StaffMembership = z.infer<typeof staffMembershipDto>;
export type MembershipPage = z.infer<typeof membershipPage>;

/** A fan's membership (null: never a member) and every purchase, newest first. */
export type FanMembership = z.infer<typeof fanMembershipDto>;
export type Purchase = z.infer<typeof staffPurchaseDto>;

export type CompInput = z.input<typeof compBody>;
export type PurchaseRefundInput = z.input<typeof purchaseRefundBody>;
