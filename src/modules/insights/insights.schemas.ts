import { z } from 'zod';
import { dayField } from '../../core/bounds.ts';
import { SOURCE_TYPES } from '../timeline/timeline.schemas.ts';

export const MAX_RANGE_DAYS = 3 * 366;

export const growthQuery = z
  .object({ from: dayField, to: dayField })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from', params: { issue: 'before_start' } })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    path: ['to'],
    message: `the range must be at most ${MAX_RANGE_DAYS} days`,
  });
export type GrowthQuery = z.infer<typeof growthQuery>;

const bySource = z.object(Object.fromEntries(SOURCE_TYPES.map((s) => [s, z.number().int()])) as Record<(typeof SOURCE_TYPES)[number], z.ZodNumber>);

export const growthDto = z.object({
  from: z.string(),
  to: z.string(),
  /** The channel's reporting time zone: days run midnight to midnight there. */
  timeZone: z.string(),
  /** True while past days are being re-counted for a new time zone (the figures are about to change). */
  recounting: z.boolean(),
  days: z.array(
    z.object({
      day: z.string(),
      follows: bySource,
      unfollows: bySource,
      newFollows: z.number().int(),
      lostFollows: z.number().int(),
      net: z.number().int(),
      /** Followers at the end of the day. */
      cumulative: z.number().int(),
    }),
  ),
  totals: z.object({ follows: bySource, unfollows: bySource, net: z.number().int() }),
});
export type GrowthDto = z.infer<typeof growthDto>;

export const qualityDto = z.object({
  retentionDays: z.number().int(),
  sources: z.array(
    z.object({
      source: z.enum(SOURCE_TYPES),
      fans: z.number().int(),
      /** Fans whose first follow is old enough to measure retention. */
      matureFans: z.number().int(),
      retained: z.number().int(),
      /** retained / matureFans, or null when no fan is mature yet. */
      retentionRate: z.number().nullable(),
      /** Of `fans`, how many ever paid for a membership period that was not refunded (comps and gifts received do not count). */
      members: z.number().int(),
      /** members / fans, or null when the source brought no fan. */
      memberRate: z.number().nullable(),
      /** Of `fans`, how many ever paid for a store order that was not fully refunded. */
      buyers: z.number().int(),
      /** buyers / fans, or null when the source brought no fan. */
      buyerRate: z.number().nullable(),
    }),
  ),
});
export type QualityDto = z.infer<typeof qualityDto>;
