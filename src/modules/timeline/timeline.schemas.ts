import { z } from 'zod';
import { cursorPageOf } from '../../core/pagination.ts';
import type { ActivityRow } from './timeline.repository.ts';

/** Kinds known today; later capabilities add theirs (read, shared, ordered, …). */
export const ACTIVITY_KINDS = ['followed', 'unfollowed', 'read', 'shared', 'level_changed'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

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
export const articleIdOfSource = (source: string | null | undefined): string | null =>
  source?.startsWith('article:') ? source.slice('article:'.length) : null;

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
