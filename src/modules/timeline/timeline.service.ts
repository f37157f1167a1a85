import { afterCommit, type Ctx } from '../../core/context.ts';
import type { CursorPage, CursorQuery } from '../../core/pagination.ts';
import type { StreamPosition } from '../../platform/stream/stream.repository.ts';
import type { StreamSource } from '../../platform/stream/stream.runner.ts';
import type { Write } from '../../db/one-statement.ts';
import type { StateChange } from '../../db/state-change.ts';
import type { ActivityRow, LastReadAttribution, TimelineRepository } from './timeline.repository.ts';
import { activityData, toActivityDto, type ActivityData, type ActivityDataInput, type ActivityDto, type ActivityKind } from './timeline.schemas.ts';

/** One activity to record: its kind and the data that kind carries, plus where and when. */
export type ActivityInput = ActivityDataInput & {
  fanId: string;
  source?: string | null;
  articleId?: string | null;
  at?: Date;
};

/** An activity as a consumer reads it from the stream: its data typed by its kind. */
export type Activity = Omit<ActivityRow, 'kind' | 'data'> & ActivityData;

/**
 * The activity being recorded, before it is written: an enricher may complete it. Setting
 * `attributeToLastRead` (and leaving `articleId` empty) asks for the article the fan read last
 * since then, with `data` merged in when there is one: the timeline looks it up as it writes,
 * inside the write's own statement where it can.
 */
export type PendingActivity = {
  fanId: string;
  source: string | null;
  articleId: string | null;
  at: Date;
  attributeToLastRead?: LastReadAttribution;
} & ActivityData;
/**
 * A hook that completes an activity before it is written, without writing (unfollow attribution
 * asks for the fan's last article read): what the caller's own answer must already show.
 */
export type ActivityEnricher = (tx: Ctx, activity: PendingActivity) => Promise<void>;

const typed = (row: ActivityRow): Activity => ({ ...row, ...activityData.parse({ kind: row.kind, data: row.data }) });

/**
 * The one activity model behind every fan timeline, and the activity stream: recording is one
 * multi-row INSERT; everything derived (rollups, counters, loyalty) is a stream consumer that
 * reads it after commit (see src/subscriptions.ts).
 */
export function createTimelineService(repo: TimelineRepository) {
  const enrichers = new Map<ActivityKind, ActivityEnricher[]>();
  const recorded: (() => void)[] = [];

  /** An activity's row to write: its data checked for its kind, then completed by the kind's enrichers. */
  async function prepare(ctx: Ctx, input: ActivityInput) {
    const { kind, data } = activityData.parse({ kind: input.kind, data: input.data });
    const activity = {
      fanId: input.fanId,
      kind,
      data,
      source: input.source ?? null,
      articleId: input.articleId ?? null,
      at: input.at ?? ctx.now(),
    } as PendingActivity;
    for (const enricher of enrichers.get(kind) ?? []) await enricher(ctx, activity);
    const row = {
      fanId: activity.fanId,
      kind: activity.kind,
      source: activity.source,
      articleId: activity.articleId,
      data: activity.data,
      occurredAt: activity.at,
    };
    return { row, lastRead: activity.articleId ? undefined : activity.attributeToLastRead };
  }
  /** prepare(), with the last-read attribution looked up now (for writes that cannot do it in their statement). */
  async function prepareResolved(ctx: Ctx, input: ActivityInput) {
    const { row, lastRead } = await prepare(ctx, input);
    if (!lastRead) return row;
    const articleId = await repo.lastArticleRead(ctx.db, row.fanId, lastRead.since, row.occurredAt);
    return articleId ? { ...row, articleId, data: { ...row.data, ...lastRead.data } } : row;
  }
  /** After commit (at once outside a transaction), the consumers are told. */
  function wake(ctx: Ctx) {
    afterCommit(ctx, () => {
      for (const callback of recorded) callback();
    });
  }

  return {
    /** Wiring (subscriptions.ts): complete activities of one kind before they are written. */
    enrich(kind: ActivityKind, enricher: ActivityEnricher) {
      enrichers.set(kind, [...(enrichers.get(kind) ?? []), enricher]);
    },
    /** Wiring: told after each commit that wrote activities (wakes the stream's consumers). */
    onCommitted(callback: () => void) {
      recorded.push(callback);
    },

    /** Writes one activity: one INSERT (plus what its kind's enrichers read). */
    async record(ctx: Ctx, input: ActivityInput): Promise<ActivityDto> {
      const [row] = await this.recordMany(ctx, [input]);
      return toActivityDto(row!);
    },

    /**
     * Writes many activities with one multi-row INSERT (imports, level changes, orders). Pass a
     * transaction context when they must commit with other state: all or nothing.
     */
    async recordMany(ctx: Ctx, inputs: ActivityInput[]): Promise<ActivityRow[]> {
      if (inputs.length === 0) return [];
      const values = [];
      for (const input of inputs) values.push(await prepareResolved(ctx, input));
      const rows = await repo.insertMany(ctx.db, values);
      wake(ctx);
      return rows;
    },

    /**
     * Activities as a write for one statement with the caller's own writes (src/db/one-statement.ts):
     * checked and completed like recordMany's; `run` executes the statement, then the stream's
     * consumers are told (after commit). The festival's order writer: a batch is one round trip.
     */
    async recordManyWith<T>(ctx: Ctx, inputs: ActivityInput[], run: (write: Write) => Promise<T>): Promise<T> {
      const values = [];
      for (const input of inputs) values.push(await prepareResolved(ctx, input));
      const result = await run(repo.insertManyWrite(values));
      if (values.length) wake(ctx);
      return result;
    },

    /**
     * Writes a state change and its activity in one statement (a follow: the fan's state and the
     * `followed` activity), atomic without a transaction: the activity is written only if the
     * change returned a row. Returns the changed row, or undefined when nothing changed.
     */
    async recordWithChange<T>(ctx: Ctx, change: StateChange<T>, input: ActivityInput): Promise<T | undefined> {
      const { row: activity, lastRead } = await prepare(ctx, input);
      const [row] = await repo.insertWithChange(ctx.db, change.statement, activity, lastRead);
      if (!row) return undefined;
      wake(ctx);
      return change.read(row);
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

    /** The activity stream, for the stream runner: typed activities in commit-safe order. */
    stream: {
      async readAfter(db, after, limit) {
        const { entries, last } = await repo.readAfter(db, after, limit);
        return { entries: entries.map(typed), last };
      },
      countAfter: (db, after, cap) => repo.countAfter(db, after, cap),
      settledEnd: (db) => repo.settledEnd(db),
    } satisfies StreamSource<Activity>,

    // Aggregates over the stream, for consumers' rebuilds (their owners' tables stay theirs).

    /** Follows and unfollows per day of `timeZone` and source type, of transactions below `below`. */
    followCountsByDay: (ctx: Ctx, timeZone: string, below: string) => repo.followCountsByDay(ctx.db, timeZone, below),
    /** Per article: fans' reads, first reads, shares, follows, attributed unfollows, below `below`. */
    countsByArticle: (ctx: Ctx, below: string) => repo.countsByArticle(ctx.db, below),
    /** Loyalty's counted facts of these fans, from their activities up to `upTo`. */
    signalTotals: (ctx: Ctx, fanIds: string[], timeZone: string, upTo: StreamPosition) => repo.signalTotals(ctx.db, fanIds, timeZone, upTo),
    /** Level moves up and down since `since`. */
    levelMoves: (ctx: Ctx, since: Date) => repo.levelMoves(ctx.db, since),
  };
}
export type TimelineService = ReturnType<typeof createTimelineService>;
