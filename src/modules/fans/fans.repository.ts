import { and, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { StateChange } from '../../db/state-change.ts';
import type { Db } from '../../db/client.ts';
import { fans, type FollowStatus } from './fans.table.ts';
import { rawRowReader } from '../../db/raw-rows.ts';

export type FanRow = typeof fans.$inferSelect;

/** A fans row from raw SQL, as Drizzle selects it. */
const toFanRow = rawRowReader(fans);

/** What a fan's own answer (FanSelfDto) shows of their row. */
export type FanSelfRow = Pick<FanRow, 'id' | 'email' | 'displayName' | 'followStatus' | 'followingSince' | 'createdAt'>;
const SELF_COLUMNS = sql.raw('id, email, display_name, follow_status, following_since, created_at');
const selfChange = (statement: SQL): StateChange<FanSelfRow> => ({ statement, read: toFanRow });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const fansRepository = {
  async insert(db: Db, row: typeof fans.$inferInsert): Promise<FanRow> {
    const [created] = await db.insert(fans).values(row).returning();
    return created!;
  },
  async findById(db: Db, id: string): Promise<FanRow | undefined> {
    const [row] = await db.select().from(fans).where(eq(fans.id, id)).limit(1);
    return row;
  },
  /** Multi-row insert that leaves existing emails untouched; returns only the new rows. */
  /**
   * Inserts the fans whose email is new; returns just those (what the import needs of them). The
   * rows travel as one JSON parameter, not nine per row: building and sending a batch's statement
   * costs a fraction.
   */
  async insertManyNew(db: Db, rows: (typeof fans.$inferInsert)[]): Promise<{ id: string; email: string; firstFollowedAt: Date | null }[]> {
    if (rows.length === 0) return [];
    const json = JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        email: r.email,
        display_name: r.displayName,
        follow_status: r.followStatus ?? 'never_followed',
        following_since: r.followingSince ?? null,
        first_followed_at: r.firstFollowedAt ?? null,
        first_follow_source: r.firstFollowSource ?? null,
        created_at: r.createdAt ?? new Date(),
      })),
    );
    const result = await db.execute(sql`
      insert into fans (id, email, display_name, follow_status, following_since, first_followed_at, first_follow_source, created_at)
      select id, email, display_name, follow_status, following_since, first_followed_at, first_follow_source, created_at
      from jsonb_to_recordset(${json}::jsonb) as r(id uuid, email text, display_name text, follow_status text, following_since timestamptz,
        first_followed_at timestamptz, first_follow_source text, created_at timestamptz)
      on conflict (email) do nothing
      returning id, email, first_followed_at`);
    return (result as unknown as { rows: { id: string; email: string; first_followed_at: unknown }[] }).rows.map((r) => ({
      id: r.id,
      email: r.email,
      firstFollowedAt: r.first_followed_at == null ? null : (fans.firstFollowedAt.mapFromDriverValue(r.first_followed_at as string) as Date),
    }));
  },
  /** The ids of these emails' fans (one array parameter). */
  async idsByEmail(db: Db, emails: string[]): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const rows = await db
      .select({ id: fans.id, email: fans.email })
      .from(fans)
      .where(sql`${fans.email} in (select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))`);
    return new Map(rows.map((r) => [r.email, r.id]));
  },
  findMany(db: Db, ids: string[]): Promise<FanRow[]> {
    return ids.length ? db.select().from(fans).where(inArray(fans.id, ids)) : Promise.resolve([]);
  },
  async findByEmail(db: Db, email: string): Promise<FanRow | undefined> {
    const [row] = await db.select().from(fans).where(eq(fans.email, email)).limit(1);
    return row;
  },
  /**
   * Flips to following only if not already following: returns no row when nothing changed. The
   * follow's hot path: a fixed statement (no query builder per request) returning only what the
   * fan's own answer shows.
   */
  markFollowing(id: string, at: Date, sourceType: string): StateChange<FanSelfRow> {
    const when = at.toISOString();
    return selfChange(sql`update fans set follow_status = 'following', following_since = ${when}::timestamptz,
        first_followed_at = coalesce(first_followed_at, ${when}::timestamptz), first_follow_source = coalesce(first_follow_source, ${sourceType})
      where id = ${id}::uuid and follow_status <> 'following'
      returning ${SELF_COLUMNS}`);
  },
  /** Flips to unfollowed only if following: returns no row when nothing changed. */
  markUnfollowed(id: string, at: Date): StateChange<FanSelfRow> {
    return selfChange(sql`update fans set follow_status = 'unfollowed', following_since = null,
        first_unfollowed_at = coalesce(first_unfollowed_at, ${at.toISOString()}::timestamptz)
      where id = ${id}::uuid and follow_status = 'following'
      returning ${SELF_COLUMNS}`);
  },
  /** Search uses the trigram index on display name + email. */
  async list(db: Db, f: { q?: string; status?: FollowStatus; limit: number; offset: number }): Promise<{ rows: FanRow[]; total: number }> {
    const conds: SQL[] = [];
    if (f.status) conds.push(eq(fans.followStatus, f.status));
    if (f.q) {
      const pattern = `%${escapeLike(f.q)}%`;
      conds.push(ilike(sql`(${fans.displayName} || ' ' || ${fans.email})`, pattern));
    }
    const where = conds.length ? and(...conds) : undefined;
    const [rows, [totalRow]] = await Promise.all([
      db.select().from(fans).where(where).orderBy(desc(fans.createdAt), desc(fans.id)).limit(f.limit).offset(f.offset),
      db.select({ n: count() }).from(fans).where(where),
    ]);
    return { rows, total: totalRow?.n ?? 0 };
  },
  async counts(db: Db): Promise<{ fans: number; followers: number }> {
    const [row] = await db
      .select({
        fans: count(),
        followers: sql<number>`count(*) filter (where ${fans.followStatus} = 'following')`.mapWith(Number),
      })
      .from(fans);
    return { fans: row?.fans ?? 0, followers: row?.followers ?? 0 };
  },
  /**
   * Fan quality per acquisition source: of the fans whose first follow is at least `days` old,
   * how many had not unfollowed `days` after it. One pass over fans_first_follow_idx's range.
   */
  async retentionBySource(db: Db, days: number, now: Date) {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return db
      .select({
        source: sql<string>`${fans.firstFollowSource}`,
        fans: count(),
        mature: sql<number>`count(*) filter (where ${fans.firstFollowedAt} <= ${cutoff}::timestamptz)`.mapWith(Number),
        retained:
          sql<number>`count(*) filter (where ${fans.firstFollowedAt} <= ${cutoff}::timestamptz and (${fans.firstUnfollowedAt} is null or ${fans.firstUnfollowedAt} > ${fans.firstFollowedAt} + make_interval(days => ${days})))`.mapWith(
            Number,
          ),
      })
      .from(fans)
      .where(sql`${fans.firstFollowedAt} is not null`)
      .groupBy(fans.firstFollowSource);
  },
  async countFollowers(db: Db): Promise<number> {
    const [row] = await db.select({ n: count() }).from(fans).where(eq(fans.followStatus, 'following'));
    return row?.n ?? 0;
  },
};
export type FansRepository = typeof fansRepository;
