import type { Ctx } from '../../core/context.ts';
import type { CursorPage, CursorQuery } from '../../core/pagination.ts';
import type { TimelineRepository } from './timeline.repository.ts';
import { toActivityDto, type ActivityDto, type ActivityKind } from './timeline.schemas.ts';

/**
 * The one activity model behind every fan timeline. Callers that must keep other state
 * consistent with an activity pass a transaction context.
 */
export function createTimelineService(repo: TimelineRepository) {
  return {
    async record(
      ctx: Ctx,
      input: { fanId: string; kind: ActivityKind; source?: string | null; data?: Record<string, unknown>; at?: Date },
    ): Promise<ActivityDto> {
      const row = await repo.insert(ctx.db, {
        fanId: input.fanId,
        kind: input.kind,
        source: input.source ?? null,
        data: input.data ?? {},
        occurredAt: input.at ?? ctx.now(),
      });
      return toActivityDto(row);
    },
    /** No access check here: callers (fans service) decide whose timeline the actor may read. */
    async listForFan(ctx: Ctx, fanId: string, q: CursorQuery): Promise<CursorPage<ActivityDto>> {
      const rows = await repo.listByFan(ctx.db, fanId, q.limit + 1, q.cursor ? BigInt(q.cursor) : undefined);
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(toActivityDto),
        nextCursor: rows.length > q.limit ? page[page.length - 1]!.id.toString() : null,
      };
    },
  };
}
export type TimelineService = ReturnType<typeof createTimelineService>;
