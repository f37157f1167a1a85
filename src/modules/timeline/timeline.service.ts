import type { Ctx } from '../../core/context.ts';
import type { CursorPage, CursorQuery } from '../../core/pagination.ts';
import type { ActivityRow, TimelineRepository } from './timeline.repository.ts';
import { toActivityDto, type ActivityDto, type ActivityKind } from './timeline.schemas.ts';

export type ActivityInput = {
  fanId: string;
  kind: ActivityKind;
  source?: string | null;
  articleId?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
};

/**
 * Other modules extend the timeline without it knowing them: an enricher may complete an
 * activity before it is written (e.g. unfollow attribution), a listener keeps rollups in step
 * after (article counters, loyalty signals). Both run inside the caller's transaction.
 */
export type ActivityEnricher = (tx: Ctx, activity: Required<Omit<ActivityInput, 'data'>> & { data: Record<string, unknown> }) => Promise<void>;
/** Listeners always get a batch: one activity from `record`, many from `recordMany`. */
export type ActivityListener = (tx: Ctx, activities: ActivityRow[]) => Promise<void>;

/**
 * The one activity model behind every fan timeline. Callers that must keep other state
 * consistent with an activity pass a transaction context.
 */
export function createTimelineService(repo: TimelineRepository) {
  const enrichers = new Map<ActivityKind, ActivityEnricher[]>();
  const listeners: ActivityListener[] = [];

  return {
    enrich(kind: ActivityKind, enricher: ActivityEnricher) {
      enrichers.set(kind, [...(enrichers.get(kind) ?? []), enricher]);
    },
    onRecorded(listener: ActivityListener) {
      listeners.push(listener);
    },

    /** Writes one activity. Pass a transaction context when hooks or callers write more. */
    async record(ctx: Ctx, input: ActivityInput): Promise<ActivityDto> {
      const [row] = await this.recordMany(ctx, [input]);
      return toActivityDto(row!);
    },

    /**
     * Writes many activities with one multi-row INSERT (imports); listeners get them as one
     * batch. Pass a transaction context: all or nothing.
     */
    async recordMany(ctx: Ctx, inputs: ActivityInput[]): Promise<ActivityRow[]> {
      if (inputs.length === 0) return [];
      const values = [];
      for (const input of inputs) {
        const activity = {
          fanId: input.fanId,
          kind: input.kind,
          source: input.source ?? null,
          articleId: input.articleId ?? null,
          data: input.data ?? {},
          at: input.at ?? ctx.now(),
        };
        for (const enricher of enrichers.get(input.kind) ?? []) await enricher(ctx, activity);
        values.push({
          fanId: activity.fanId,
          kind: activity.kind,
          source: activity.source,
          articleId: activity.articleId,
          data: activity.data,
          occurredAt: activity.at,
        });
      }
      const rows = await repo.insertMany(ctx.db, values);
      for (const listener of listeners) await listener(ctx, rows);
      return rows;
    },

    /** The article the fan read last at or after `since`, if any (unfollow attribution). */
    async lastArticleReadSince(ctx: Ctx, fanId: string, since: Date, before: Date): Promise<string | undefined> {
      return repo.lastArticleRead(ctx.db, fanId, since, before);
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
