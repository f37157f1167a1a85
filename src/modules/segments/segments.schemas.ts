import { z } from 'zod';
import { dayField, int4Field, int8Field } from '../../core/bounds.ts';
import { isoDate } from '../../core/fields.ts';
import { pageQuery } from '../../core/pagination.ts';
import { FOLLOW_STATUSES } from '../fans/fans.schemas.ts';
import { FAN_MEMBERSHIP_STATUSES } from '../loyalty/loyalty.schemas.ts';

export const MAX_FILTER_TIERS = 20;
/** The largest spend a filter names, in minor units (fen): 1,000,000,000.00 yuan. */
export const MAX_FILTER_SPEND_MINOR = 100_000_000_000;

/** A tag: 1–40 characters, none of the CSV tag separators (, ; |). */
export const tagField = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[^,;|\r\n]+$/, 'must not contain , ; | or line breaks');

/** The saved filter behind a segment. Every field narrows; tags must all be present. */
export const segmentFilter = z
  .object({
    status: z.array(z.enum(FOLLOW_STATUSES)).min(1).max(3).optional(),
    levels: z.array(int4Field(0, 4)).min(1).max(5).optional(),
    /** The fan's membership: `never` (no membership yet) or its status now. */
    membership: z.array(z.enum(FAN_MEMBERSHIP_STATUSES)).min(1).max(FAN_MEMBERSHIP_STATUSES.length).optional(),
    /** The tier of the fan's membership: held now, or last held if it expired (combine with `membership` for current members). */
    tierIds: z.array(z.uuid()).min(1).max(MAX_FILTER_TIERS).optional(),
    /** First follow (acquisition) between these days, inclusive, in the channel's time zone. */
    followedFrom: dayField.optional(),
    followedTo: dayField.optional(),
    activeWithinDays: int4Field(1, 3650).optional(),
    inactiveForDays: int4Field(1, 3650).optional(),
    /**
     * Spend in the store (orders paid less refunds, in the store's currency, minor units):
     * at least / at most this much. A fan who never bought has spent 0.
     */
    spendMinMinor: int8Field(0, MAX_FILTER_SPEND_MINOR).optional(),
    spendMaxMinor: int8Field(0, MAX_FILTER_SPEND_MINOR).optional(),
    /** Bought (an order paid, not fully refunded) in the last N days. */
    purchasedWithinDays: int4Field(1, 3650).optional(),
    /** Bought, but not since this day (the last purchase is before it, in the channel's time zone). */
    lastPurchaseBefore: dayField.optional(),
    /** Never bought (no order paid that still stands). */
    neverPurchased: z.literal(true).optional(),
    tags: z.array(tagField).min(1).max(10).optional(),
    q: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((f) => !f.followedFrom || !f.followedTo || f.followedFrom <= f.followedTo, {
    path: ['followedTo'],
    message: 'must not be before followedFrom',
    params: { issue: 'before_start' },
  })
  .superRefine((f, ctx) => {
    if (f.spendMinMinor !== undefined && f.spendMaxMinor !== undefined && f.spendMaxMinor < f.spendMinMinor) {
      // A size issue, so clients translate it as "must be at least N".
      ctx.addIssue({
        code: 'too_small',
        origin: 'number',
        minimum: f.spendMinMinor,
        inclusive: true,
        input: f.spendMaxMinor,
        path: ['spendMaxMinor'],
        message: `must be at least spendMinMinor (${f.spendMinMinor})`,
      });
    }
  });
export type SegmentFilter = z.infer<typeof segmentFilter>;

export const segmentBody = z.object({ name: z.string().trim().min(1).max(80), filter: segmentFilter });

/** Why a saved filter no longer passes `segmentFilter` (saved before a rule tightened, or edited in the database). */
export const invalidFilterDto = z.object({
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type InvalidFilterDto = z.infer<typeof invalidFilterDto>;

export const segmentDto = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Null when the saved filter no longer parses (`invalidFilter` says why): edit the segment or delete it. */
  filter: segmentFilter.nullable(),
  /** Null with the filter. */
  count: z.number().int().nullable(),
  invalidFilter: invalidFilterDto.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type SegmentDto = z.infer<typeof segmentDto>;

export const segmentFansQuery = pageQuery;
export const tagBody = z.object({ tag: tagField });
export const tagsDto = z.object({ tags: z.array(z.string()) });
/** One label on many fans at once (a page of super fans or candidates): all or nothing. */
export const bulkTagBody = z.object({ tag: tagField, fanIds: z.array(z.uuid()).min(1).max(500) });
export const bulkTagDto = z.object({ tagged: z.number().int(), alreadyTagged: z.number().int() });
export const tagCountsDto = z.object({ items: z.array(z.object({ tag: z.string(), fans: z.number().int() })) });

/** Columns of a fan export, in order (console download and CLI alike). */
export const EXPORT_COLUMNS = ['email', 'display_name', 'status', 'followed_at', 'following_since', 'level', 'tags', 'signed_up_at'];
