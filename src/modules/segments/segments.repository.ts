import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fansReadModel as fans } from '../fans/fans.read-model.ts';
import { fanSignalsReadModel as fanSignals } from '../loyalty/loyalty.read-model.ts';
import { membershipTiersReadModel as tiers } from '../memberships/memberships.read-model.ts';
import { fanTags, segments } from './segments.table.ts';
import type { SegmentFilter } from './segments.schemas.ts';

export type SegmentRow = typeof segments.$inferSelect;

/**
 * Tags, segments and the segment query, over the CRM's row per fan (fan_signals). Text search
 * and export read the fans table read-only; writes to fans stay in the fans module.
 */
/** When a segment is evaluated: now, and the channel's time zone (date filters are its days). */
export type SegmentClock = { now: Date; timeZone: string };

export function whereOf(f: SegmentFilter, clock: SegmentClock): SQL | undefined {
  const { now, timeZone } = clock;
  const c: SQL[] = [];
  if (f.status) c.push(inArray(fanSignals.followStatus, f.status));
  if (f.levels) c.push(inArray(fanSignals.level, f.levels));
  // Members and former members are few: without `never`, the partial index fan_signals_membership_idx holds them all.
  if (f.membership) c.push(inArray(fanSignals.membershipStatus, f.membership));
  if ((f.membership && !f.membership.includes('never')) || f.tierIds) c.push(ne(fanSignals.membershipStatus, 'never'));
  if (f.tierIds) c.push(inArray(fanSignals.membershipTierId, f.tierIds));
  // A day is midnight to midnight in the channel's time zone.
  if (f.followedFrom) c.push(sql`${fanSignals.firstFollowedAt} >= (${f.followedFrom}::date::timestamp at time zone ${timeZone})`);
  if (f.followedTo) c.push(sql`${fanSignals.firstFollowedAt} < ((${f.followedTo}::date + 1)::timestamp at time zone ${timeZone})`);
  if (f.activeWithinDays) c.push(gte(fanSignals.lastActiveAt, new Date(now.getTime() - f.activeWithinDays * 86_400_000)));
  if (f.inactiveForDays) {
    c.push(
      sql`(${fanSignals.lastActiveAt} is null or ${fanSignals.lastActiveAt} < ${new Date(now.getTime() - f.inactiveForDays * 86_400_000).toISOString()}::timestamptz)`,
    );
  }
  // Buyers are few: a purchase filter walks the partial index fan_signals_buyers_idx.
  if (f.spendMinMinor !== undefined) c.push(gte(fanSignals.spendMinor, f.spendMinMinor));
  if (f.spendMaxMinor !== undefined) c.push(lte(fanSignals.spendMinor, f.spendMaxMinor));
  if (f.purchasedWithinDays) c.push(gte(fanSignals.lastPurchaseAt, new Date(now.getTime() - f.purchasedWithinDays * 86_400_000)));
  if (f.lastPurchaseBefore) c.push(sql`${fanSignals.lastPurchaseAt} < (${f.lastPurchaseBefore}::date::timestamp at time zone ${timeZone})`);
  if (f.purchasedWithinDays || f.lastPurchaseBefore || (f.spendMinMinor ?? 0) > 0) c.push(isNotNull(fanSignals.firstPurchaseAt));
  if (f.neverPurchased) c.push(isNull(fanSignals.firstPurchaseAt));
  for (const tag of f.tags ?? []) {
    c.push(sql`exists (select 1 from ${fanTags} where ${fanTags.fanId} = ${fanSignals.fanId} and ${fanTags.tag} = ${tag})`);
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    c.push(sql`exists (select 1 from ${fans} where ${fans.id} = ${fanSignals.fanId} and ${ilike(sql`(${fans.displayName} || ' ' || ${fans.email})`, pattern)})`);
  }
  return c.length ? and(...c) : undefined;
}

export const crmRepository = {
  async addTag(db: Db, fanId: string, tag: string, at: Date) {
    await db.insert(fanTags).values({ fanId, tag, createdAt: at }).onConflictDoNothing();
  },
  /** Adds tags (idempotent); returns how many were new. */
  /** Adds tags (one JSON parameter for every row); returns how many were new. */
  async addTags(db: Db, rows: { fanId: string; tag: string; createdAt?: Date }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const json = JSON.stringify(rows.map((r) => ({ fan_id: r.fanId, tag: r.tag, created_at: r.createdAt ?? null })));
    const result = await db.execute(sql`
      insert into fan_tags (fan_id, tag, created_at)
      select fan_id, tag, coalesce(created_at, now()) from jsonb_to_recordset(${json}::jsonb) as r(fan_id uuid, tag text, created_at timestamptz)
      on conflict do nothing
      returning fan_id`);
    return (result as unknown as { rows: unknown[] }).rows.length;
  },
  async existingFanIds(db: Db, ids: string[]): Promise<Set<string>> {
    const rows = await db.select({ id: fans.id }).from(fans).where(inArray(fans.id, ids));
    return new Set(rows.map((r) => r.id));
  },
  async removeTag(db: Db, fanId: string, tag: string) {
    await db.delete(fanTags).where(and(eq(fanTags.fanId, fanId), eq(fanTags.tag, tag)));
  },
  async tagsOf(db: Db, fanId: string): Promise<string[]> {
    const rows = await db.select({ tag: fanTags.tag }).from(fanTags).where(eq(fanTags.fanId, fanId)).orderBy(asc(fanTags.tag));
    return rows.map((r) => r.tag);
  },
  async tagCounts(db: Db) {
    return db.select({ tag: fanTags.tag, fans: count() }).from(fanTags).groupBy(fanTags.tag).orderBy(desc(count()), asc(fanTags.tag));
  },

  listSegments(db: Db): Promise<SegmentRow[]> {
    return db.select().from(segments).orderBy(asc(segments.name));
  },
  async findSegment(db: Db, id: string): Promise<SegmentRow | undefined> {
    const [row] = await db.select().from(segments).where(eq(segments.id, id));
    return row;
  },
  async findSegmentByName(db: Db, name: string): Promise<SegmentRow | undefined> {
    const [row] = await db
      .select()
      .from(segments)
      .where(sql`lower(${segments.name}) = lower(${name})`);
    return row;
  },
  async insertSegment(db: Db, row: typeof segments.$inferInsert): Promise<SegmentRow> {
    const [created] = await db.insert(segments).values(row).returning();
    return created!;
  },
  async updateSegment(db: Db, id: string, values: Partial<typeof segments.$inferInsert>): Promise<SegmentRow | undefined> {
    const [row] = await db.update(segments).set(values).where(eq(segments.id, id)).returning();
    return row;
  },
  async deleteSegment(db: Db, id: string): Promise<boolean> {
    return (await db.delete(segments).where(eq(segments.id, id)).returning({ id: segments.id })).length > 0;
  },

  /** Live count: one pass over the narrow fan_signals rows (a semi-join per tag or text). */
  async count(db: Db, f: SegmentFilter, clock: SegmentClock): Promise<number> {
    const [row] = await db.select({ n: count() }).from(fanSignals).where(whereOf(f, clock));
    return row?.n ?? 0;
  },
  /** Fan ids in the segment, keyset on id (pages for the console, batches for export). */
  async ids(db: Db, f: SegmentFilter, clock: SegmentClock, afterId: string | null, limit: number): Promise<string[]> {
    const where = whereOf(f, clock);
    const rows = await db
      .select({ id: fanSignals.fanId })
      .from(fanSignals)
      .where(afterId ? and(where, gt(fanSignals.fanId, afterId)) : where)
      .orderBy(asc(fanSignals.fanId))
      .limit(limit);
    return rows.map((r) => r.id);
  },
  /** Export rows for these fans: profile, level and tags. */
  async exportRows(db: Db, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .select({
        id: fans.id,
        email: fans.email,
        displayName: fans.displayName,
        status: fans.followStatus,
        firstFollowedAt: fans.firstFollowedAt,
        followingSince: fans.followingSince,
        createdAt: fans.createdAt,
        level: sql<number>`coalesce(${fanSignals.level}, 0)`.mapWith(Number),
        tags: sql<string>`coalesce((select string_agg(${fanTags.tag}, ';' order by ${fanTags.tag}) from ${fanTags} where ${fanTags.fanId} = ${fans.id}), '')`,
      })
      .from(fans)
      .leftJoin(fanSignals, eq(fanSignals.fanId, fans.id))
      .where(inArray(fans.id, ids))
      .orderBy(asc(fans.id));
  },
  /** Which of these tier ids name no tier (archived tiers exist). */
  async unknownTierIds(db: Db, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const known = new Set((await db.select({ id: tiers.id }).from(tiers).where(inArray(tiers.id, ids))).map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  },
  async fanExists(db: Db, id: string): Promise<boolean> {
    return (await db.select({ id: fans.id }).from(fans).where(eq(fans.id, id))).length > 0;
  },
};
export type CrmRepository = typeof crmRepository;
