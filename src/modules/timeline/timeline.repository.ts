import { and, asc, desc, eq, gt, gte, isNotNull, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { StreamPosition } from '../../platform/stream/stream.repository.ts';
import { fanActivities } from './timeline.table.ts';
import { NOT_BY_FAN_KINDS } from './timeline.schemas.ts';
import { rawRowReader } from '../../db/raw-rows.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';

export type ActivityRow = typeof fanActivities.$inferSelect;
export type NewActivity = typeof fanActivities.$inferInsert;
/** Attribute an activity to the article its fan read last since `since`, tagging its data with `data`. */
export type LastReadAttribution = { since: Date; data: Record<string, unknown> };

/** A fanActivities row from raw SQL, as Drizzle selects it. */
const toActivityRow = rawRowReader(fanActivities);
const SETTLED = sql`pg_snapshot_xmin(pg_current_snapshot())`;
const after = (p: StreamPosition) => sql`(${fanActivities.txId}, ${fanActivities.id}) > (${p.txId}::xid8, ${p.activityId.toString()}::bigint)`;
const atOrBefore = (p: StreamPosition) => sql`(${fanActivities.txId}, ${fanActivities.id}) <= (${p.txId}::xid8, ${p.activityId.toString()}::bigint)`;
/** `direct`, `article`, `share` or `import`, as sourceTypeOf() says. */
const SOURCE_TYPE = sql`case when ${fanActivities.source} like 'article:%' then 'article' when ${fanActivities.source} like 'share:%' then 'share' when ${fanActivities.source} = 'import' then 'import' else 'direct' end`;

const activityQueries = {
  /**
   * One statement: the state change (a CTE) and, for the row it returns, the activity. Returns the
   * changed rows (none: nothing changed, and nothing was recorded). With `lastRead`, the article
   * the fan read last in [since, occurredAt] becomes the activity's article and `lastRead.data` is
   * merged into its data, looked up inside the same statement (no round trip of its own).
   */
  async insertWithChange(db: Db, change: SQL, activity: NewActivity, lastRead?: LastReadAttribution): Promise<Record<string, unknown>[]> {
    const at = (activity.occurredAt ?? new Date()).toISOString();
    const data = JSON.stringify(activity.data ?? {});
    const columns = sql`${activity.fanId}::uuid, ${activity.kind}, ${activity.source ?? null}`;
    // Without attribution the statement stays the plain pair (planning it costs a fifth less).
    const recorded = lastRead
      ? sql`select ${columns}, coalesce(last.article_id, ${activity.articleId ?? null}::uuid),
            case when last.article_id is null then ${data}::jsonb else ${data}::jsonb || ${JSON.stringify(lastRead.data)}::jsonb end, ${at}::timestamptz
          from changed, (select (select a.article_id from fan_activities a where a.fan_id = ${activity.fanId}::uuid and a.kind = 'read'
            and a.article_id is not null and a.occurred_at >= ${lastRead.since.toISOString()}::timestamptz and a.occurred_at <= ${at}::timestamptz
            order by a.occurred_at desc, a.id desc limit 1) as article_id) last`
      : sql`select ${columns}, ${activity.articleId ?? null}::uuid, ${data}::jsonb, ${at}::timestamptz from changed`;
    return rowsOf<Record<string, unknown>>(
      await executePrepared(
        db,
        sql`
        with changed as (${change}),
        recorded as (insert into fan_activities (fan_id, kind, source, article_id, data, occurred_at) ${recorded})
        select * from changed`,
      ),
    );
  },
  /** Multi-row INSERTs of up to 5,000 rows each. */
  async insertMany(db: Db, rows: NewActivity[]): Promise<ActivityRow[]> {
    const written: ActivityRow[] = [];
    for (let i = 0; i < rows.length; i += 5_000) {
      const result = await db.execute(sql`${activityQueries.insertManyWrite(rows.slice(i, i + 5_000))} returning *`);
      written.push(...rowsOf<Record<string, unknown>>(result).map(toActivityRow));
    }
    return written;
  },
  /** The activities' multi-row INSERT, as a write for one statement with others (src/db/one-statement.ts). */
  insertManyWrite(rows: NewActivity[]): SQL {
    // One JSON parameter for all the rows, not six per row (a statement holds at most 65,535 parameters).
    const json = JSON.stringify(
      rows.map((r) => ({
        fan_id: r.fanId,
        kind: r.kind,
        source: r.source ?? null,
        article_id: r.articleId ?? null,
        data: r.data ?? {},
        occurred_at: r.occurredAt ?? new Date(),
      })),
    );
    return sql`
        insert into fan_activities (fan_id, kind, source, article_id, data, occurred_at)
        select fan_id, kind, source, article_id, data, occurred_at
        from jsonb_to_recordset(${json}::jsonb) as r(fan_id uuid, kind text, source text, article_id uuid, data jsonb, occurred_at timestamptz)`;
  },
  /** Uses fan_activities_fan_time_idx: walks only this fan's activities inside the window. */
  async lastArticleRead(db: Db, fanId: string, since: Date, before: Date): Promise<string | undefined> {
    const [row] = await db
      .select({ articleId: fanActivities.articleId })
      .from(fanActivities)
      .where(
        and(
          eq(fanActivities.fanId, fanId),
          gte(fanActivities.occurredAt, since),
          lte(fanActivities.occurredAt, before),
          eq(fanActivities.kind, 'read'),
          isNotNull(fanActivities.articleId),
        ),
      )
      .orderBy(desc(fanActivities.occurredAt), desc(fanActivities.id))
      .limit(1);
    return row?.articleId ?? undefined;
  },
  /**
   * Newest first by time, then id; keyset after the activity `afterId`
   * (index fan_activities_fan_time_idx, no offset scans).
   */
  listByFan(db: Db, fanId: string, limit: number, afterId?: bigint): Promise<ActivityRow[]> {
    const after =
      afterId === undefined
        ? undefined
        : sql`(${fanActivities.occurredAt}, ${fanActivities.id}) < (select a.occurred_at, a.id from fan_activities a where a.id = ${afterId} and a.fan_id = ${fanId})`;
    return db
      .select()
      .from(fanActivities)
      .where(after ? and(eq(fanActivities.fanId, fanId), after) : eq(fanActivities.fanId, fanId))
      .orderBy(desc(fanActivities.occurredAt), desc(fanActivities.id))
      .limit(limit);
  },
};

/**
 * The activity stream: reads in (tx_id, id) order below the oldest running transaction
 * (index fan_activities_stream_idx), so a late commit is read late, never skipped.
 */
const streamQueries = {
  async readAfter(db: Db, from: StreamPosition, limit: number) {
    const entries = await db
      .select()
      .from(fanActivities)
      .where(and(after(from), sql`${fanActivities.txId} < ${SETTLED}`))
      .orderBy(asc(fanActivities.txId), asc(fanActivities.id))
      .limit(limit);
    const tail = entries.at(-1);
    return { entries, last: tail ? { txId: tail.txId, activityId: tail.id } : null };
  },
  async countAfter(db: Db, from: StreamPosition, cap: number): Promise<number> {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from (select 1 from ${fanActivities} where ${after(from)} limit ${cap}) pending`),
    );
    return row?.n ?? 0;
  },
  async settledEnd(db: Db): Promise<{ below: string; last: StreamPosition; olderEnded: boolean }> {
    // `olderEnded`: no transaction that began before the caller's own is still running.
    const [bound] = rowsOf<{ below: string; olderEnded: boolean }>(
      await db.execute(sql`select ${SETTLED}::text as below, ${SETTLED} = pg_current_xact_id() as "olderEnded"`),
    );
    const { below, olderEnded } = bound!;
    const [tail] = await db
      .select({ txId: fanActivities.txId, id: fanActivities.id })
      .from(fanActivities)
      .where(sql`${fanActivities.txId} < ${below}::xid8`)
      .orderBy(desc(fanActivities.txId), desc(fanActivities.id))
      .limit(1);
    return { below, olderEnded, last: tail ? { txId: tail.txId, activityId: tail.id } : { txId: '0', activityId: 0n } };
  },

  /** Follows and unfollows per day (in `timeZone`) and source type, of transactions below `below`. */
  followCountsByDay(db: Db, timeZone: string, below: string) {
    return db
      .select({
        day: sql<string>`((${fanActivities.occurredAt} at time zone ${timeZone})::date)::text`,
        sourceType: sql<string>`${SOURCE_TYPE}`,
        follows: sql<number>`count(*) filter (where ${fanActivities.kind} = 'followed')`.mapWith(Number),
        unfollows: sql<number>`count(*) filter (where ${fanActivities.kind} = 'unfollowed')`.mapWith(Number),
      })
      .from(fanActivities)
      .where(and(sql`${fanActivities.kind} in ('followed', 'unfollowed')`, sql`${fanActivities.txId} < ${below}::xid8`))
      .groupBy(sql`1`, sql`2`);
  },

  /** Per article: fans' reads, first reads, shares, follows and attributed unfollows, below `below`. */
  countsByArticle(db: Db, below: string) {
    return db
      .select({
        articleId: sql<string>`${fanActivities.articleId}`,
        reads: sql<number>`count(*) filter (where ${fanActivities.kind} = 'read')`.mapWith(Number),
        firstReads: sql<number>`count(*) filter (where ${fanActivities.kind} = 'read' and (${fanActivities.data}->>'first')::boolean)`.mapWith(Number),
        shares: sql<number>`count(*) filter (where ${fanActivities.kind} = 'shared')`.mapWith(Number),
        follows: sql<number>`count(*) filter (where ${fanActivities.kind} = 'followed')`.mapWith(Number),
        unfollows: sql<number>`count(*) filter (where ${fanActivities.kind} = 'unfollowed')`.mapWith(Number),
      })
      .from(fanActivities)
      .where(and(isNotNull(fanActivities.articleId), sql`${fanActivities.txId} < ${below}::xid8`))
      .groupBy(fanActivities.articleId);
  },

  /**
   * Loyalty's counted facts of these fans from their activities up to and including `upTo`
   * (level changes are not facts). One pass over fan_activities_fan_time_idx per fan.
   */
  signalTotals(db: Db, fanIds: string[], timeZone: string, upTo: StreamPosition) {
    if (fanIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        fanId: fanActivities.fanId,
        lastAt: sql<Date>`max(${fanActivities.occurredAt})`.mapWith(fanActivities.occurredAt),
        lastDay: sql<string>`(max(${fanActivities.occurredAt}) at time zone ${timeZone})::date::text`,
        days: sql<number>`count(distinct (${fanActivities.occurredAt} at time zone ${timeZone})::date)`.mapWith(Number),
        uniqueReads: sql<number>`count(*) filter (where ${fanActivities.kind} = 'read' and (${fanActivities.data}->>'first')::boolean)`.mapWith(Number),
        shares: sql<number>`count(*) filter (where ${fanActivities.kind} = 'shared')`.mapWith(Number),
        // The follow state the fan's last follow activity (in stream order) left, and the first follow.
        followStatus: sql<'following' | 'unfollowed' | null>`(array_agg(case ${fanActivities.kind} when 'followed' then 'following' else 'unfollowed' end
          order by ${fanActivities.txId} desc, ${fanActivities.id} desc) filter (where ${fanActivities.kind} in ('followed', 'unfollowed')))[1]`,
        firstFollowedAt: sql<Date | null>`min(${fanActivities.occurredAt}) filter (where ${fanActivities.kind} = 'followed')`.mapWith(fanActivities.occurredAt),
      })
      .from(fanActivities)
      .where(and(sql`${fanActivities.fanId} = any(${`{${fanIds.join(',')}}`}::uuid[])`, notInArray(fanActivities.kind, [...NOT_BY_FAN_KINDS]), atOrBefore(upTo)))
      .groupBy(fanActivities.fanId);
  },

  /** Level moves since `since`, from level_changed activities (index fan_activities_kind_time_idx). */
  async levelMoves(db: Db, since: Date): Promise<{ up: number; down: number }> {
    const [row] = await db
      .select({
        up: sql<number>`count(*) filter (where (${fanActivities.data}->>'to')::int > (${fanActivities.data}->>'from')::int)`.mapWith(Number),
        down: sql<number>`count(*) filter (where (${fanActivities.data}->>'to')::int < (${fanActivities.data}->>'from')::int)`.mapWith(Number),
      })
      .from(fanActivities)
      .where(and(eq(fanActivities.kind, 'level_changed'), gt(fanActivities.occurredAt, since)));
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  },
};

export const timelineRepository = { ...activityQueries, ...streamQueries };
export type TimelineRepository = typeof timelineRepository;
