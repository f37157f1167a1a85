import { z } from 'zod';
import { cursorPageOf } from '../../core/pagination.ts';
import type { ActivityRow } from './timeline.repository.ts';

/** Kinds known today; later capabilities add theirs (read, shared, ordered, …). */
export const ACTIVITY_KINDS = ['followed', 'unfollowed'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const activitySource = z
  .string()
  .trim()
  .regex(/^(direct|import|(article|share):[A-Za-z0-9_-]{1,64})$/, 'must be direct, article:<id> or share:<code>');

export const activityDto = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type ActivityDto = z.infer<typeof activityDto>;

export const activityPage = cursorPageOf(activityDto);

export const toActivityDto = (row: ActivityRow): ActivityDto => ({
  id: row.id.toString(),
  kind: row.kind,
  source: row.source,
  occurredAt: row.occurredAt.toISOString(),
  data: row.data,
});
