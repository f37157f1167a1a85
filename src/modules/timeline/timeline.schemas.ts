import { z } from 'zod';
import { cursorPageOf } from '../../core/pagination.ts';
import type { ActivityRow } from './timeline.repository.ts';

const membershipTier = z.object({ tierId: z.string(), tier: z.string() });
const orderRef = z.object({ orderId: z.string(), number: z.string() });
const membershipPeriod = membershipTier.extend({ months: z.number().int(), amountMinor: z.number().int(), currency: z.string() });

/**
 * What each kind of activity carries in `data`: one schema per kind, checked when an activity
 * is recorded and when a consumer reads it. Later capabilities add their kinds here.
 */
export const activityData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followed'), data: z.object({}).default({}) }),
  z.object({
    kind: z.literal('unfollowed'),
    /** Set when the unfollow was credited to the last article read within the window. */
    data: z.object({ attributedBy: z.literal('last_read').optional(), windowHours: z.number().int().positive().optional() }).default({}),
  }),
  /** `first`: the fan's first read of this article (a unique read). */
  z.object({ kind: z.literal('read'), data: z.object({ first: z.boolean() }) }),
  z.object({ kind: z.literal('shared'), data: z.object({ code: z.string() }) }),
  z.object({ kind: z.literal('level_changed'), data: z.object({ from: z.number().int().min(0).max(4), to: z.number().int().min(0).max(4) }) }),
  // Memberships: the tier by id and by its name at the time.
  z.object({ kind: z.literal('membership_joined'), data: membershipPeriod }),
  z.object({ kind: z.literal('membership_renewed'), data: membershipPeriod.extend({ automatic: z.boolean() }) }),
  z.object({ kind: z.literal('membership_upgraded'), data: membershipPeriod.extend({ fromTierId: z.string(), fromTier: z.string() }) }),
  z.object({ kind: z.literal('membership_granted'), data: membershipPeriod }),
  z.object({ kind: z.literal('membership_canceled'), data: membershipTier.extend({ reason: z.string() }) }),
  z.object({ kind: z.literal('membership_expired'), data: membershipTier }),
  z.object({ kind: z.literal('membership_refunded'), data: membershipTier.extend({ amountMinor: z.number().int(), currency: z.string() }) }),
  // Store orders: the order by id and by its number.
  z.object({ kind: z.literal('order_placed'), data: orderRef.extend({ totalMinor: z.number().int(), currency: z.string(), items: z.number().int() }) }),
  z.object({ kind: z.literal('order_paid'), data: orderRef.extend({ totalMinor: z.number().int(), currency: z.string() }) }),
  z.object({ kind: z.literal('order_shipped'), data: orderRef.extend({ carrier: z.string(), trackingNumber: z.string() }) }),
  z.object({ kind: z.literal('order_delivered'), data: orderRef }),
  z.object({ kind: z.literal('order_canceled'), data: orderRef.extend({ reason: z.string() }) }),
  z.object({ kind: z.literal('order_refunded'), data: orderRef.extend({ amountMinor: z.number().int(), currency: z.string() }) }),
  // The festival: a reservation (预约) of one item, the festival and SKU by id and by name at the time.
  z.object({ kind: z.literal('festival_reserved'), data: z.object({ festivalId: z.string(), festival: z.string(), itemId: z.string(), sku: z.string() }) }),
]);
/**
 * Activities the fan did not do themselves (the system or staff did): not counted as the fan
 * being active (loyalty's active days and recency).
 */
export const NOT_BY_FAN_KINDS = [
  'level_changed',
  'membership_granted',
  'membership_expired',
  'membership_refunded',
  'order_shipped',
  'order_delivered',
  'order_refunded',
] as const;
export type ActivityData = z.infer<typeof activityData>;
/** What a producer passes: `data` may be left out where a kind carries nothing required. */
export type ActivityDataInput = z.input<typeof activityData>;
export type ActivityKind = ActivityData['kind'];
export const ACTIVITY_KINDS = activityData.options.map((o) => o.shape.kind.value) as ActivityKind[];
/** The data of one kind of activity. */
export type DataOf<K extends ActivityKind> = Extract<ActivityData, { kind: K }>['data'];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Where an activity came from: `direct`, `import`, `article:<article id>`, `share:<code>`. */
export const activitySource = z
  .string()
  .trim()
  .regex(new RegExp(`^(direct|import|article:${UUID}|share:[A-Za-z0-9_-]{4,32})$`), 'must be direct, article:<id> or share:<code>');

export const SOURCE_TYPES = ['direct', 'article', 'share', 'import'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** `article:<id>` → `article`; anything unknown counts as `direct`. */
export const sourceTypeOf = (source: string | null | undefined): SourceType => {
  const head = source?.split(':')[0];
  return head === 'article' || head === 'share' || head === 'import' ? head : 'direct';
};

/** The article id inside an `article:<id>` source. */
export const articleIdOfSource = (source: string | null | undefined): string | null => (source?.startsWith('article:') ? source.slice('article:'.length) : null);

export const activityDto = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.string().nullable(),
  articleId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type ActivityDto = z.infer<typeof activityDto>;

export const activityPage = cursorPageOf(activityDto);

export const toActivityDto = (row: ActivityRow): ActivityDto => ({
  id: row.id.toString(),
  kind: row.kind,
  source: row.source,
  articleId: row.articleId,
  occurredAt: row.occurredAt.toISOString(),
  data: row.data,
});
