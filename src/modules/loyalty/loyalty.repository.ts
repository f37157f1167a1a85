import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { fanSignals, loyaltyRules, loyaltySettings } from './loyalty.table.ts';
import type { Rule } from './loyalty-ladder.ts';
import { rawRowReader } from '../../db/raw-rows.ts';

export type SignalsRow = typeof fanSignals.$inferSelect;
/** The follow state a fan's follow activities leave: the last one's, and the first follow's time. */
export type FollowFacts = { followStatus: 'following' | 'unfollowed' | null; firstFollowedAt: Date | null };
export type SignalTotals = { fanId: string; lastAt: Date; lastDay: string; days: number; uniqueReads: number; shares: number } & FollowFacts;
export type SignalDelta = { fanId: string; lastAt: Date; days: string[]; uniqueReads: number; shares: number } & FollowFacts;

/** A fanSignals row from raw SQL, as Drizzle selects it. */
const toSignalsRow = rawRowReader(fanSignals);

export const loyaltyRepository = {
  async rules(db: Db): Promise<Rule[]> {
    return db.select().from(loyaltyRules).orderBy(asc(loyaltyRules.level), asc(loyaltyRules.signal));
  },
  async replaceRules(db: Db, rules: Rule[]) {
    await db.delete(loyaltyRules);
    if (rules.length) await db.insert(loyaltyRules).values(rules);
  },
  async graceDays(db: Db): Promise<number> {
    const [row] = await db.select().from(loyaltySettings).where(eq(loyaltySettings.id, 1));
    return row?.graceDays ?? 60;
  },
  async setGraceDays(db: Db, graceDays: number, now: Date) {
    await db
      .insert(loyaltySettings)
      .values({ id: 1, graceDays, updatedAt: now })
      .onConflictDoUpdate({ target: loyaltySettings.id, set: { graceDays, updatedAt: now } });
  },

  /**
   * Adds each fan's new facts in one upsert. `newDays`: how many of `days` are after the fan's
   * last active day (the caller read it in the same transaction, under the consumer's lock). The
   * follow state is the batch's last follow activity's, if it has one (`never_followed` stands
   * for "no follow activity": a delta never sets it); the first follow is the earliest seen.
   */
  async addDeltas(db: Db, deltas: (SignalDelta & { newDays: number })[]): Promise<SignalsRow[]> {
    if (deltas.length === 0) return [];
    const json = JSON.stringify(
      deltas.map((d) => ({
        fan_id: d.fanId,
        last_at: d.lastAt.toISOString(),
        last_day: d.days.at(-1)!,
        new_days: d.newDays,
        reads: d.uniqueReads,
        shares: d.shares,
        follow: d.followStatus,
        first_followed: d.firstFollowedAt?.toISOString() ?? null,
      })),
    );
    const result = await db.execute(sql`
      insert into fan_signals (fan_id, last_active_at, last_active_day, days_active, unique_reads, shares, follow_status, first_followed_at)
      select fan_id, last_at, last_day, new_days, reads, shares, coalesce(follow, 'never_followed'), first_followed
      from jsonb_to_recordset(${json}::jsonb) as v(fan_id uuid, last_at timestamptz, last_day date, new_days int, reads int, shares int, follow text,
        first_followed timestamptz)
      on conflict (fan_id) do update set
        follow_status = case when excluded.follow_status = 'never_followed' then fan_signals.follow_status else excluded.follow_status end,
        first_followed_at = least(fan_signals.first_followed_at, excluded.first_followed_at),
        days_active = fan_signals.days_active + excluded.days_active,
        last_active_at = greatest(fan_signals.last_active_at, excluded.last_active_at),
        last_active_day = greatest(fan_signals.last_active_day, excluded.last_active_day),
        unique_reads = fan_signals.unique_reads + excluded.unique_reads,
        shares = fan_signals.shares + excluded.shares
      returning *`);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(toSignalsRow);
  },
  /** Each fan's last active day (to tell whether a batch brings days older than it). */
  async lastActiveDays(db: Db, fanIds: string[]): Promise<Map<string, string | null>> {
    if (fanIds.length === 0) return new Map();
    const rows = await db
      .select({ fanId: fanSignals.fanId, day: fanSignals.lastActiveDay })
      .from(fanSignals)
      .where(sql`${fanSignals.fanId} = any(${`{${fanIds.join(',')}}`}::uuid[])`);
    return new Map(rows.map((r) => [r.fanId, r.day]));
  },
  findMany(db: Db, fanIds: string[]): Promise<SignalsRow[]> {
    return fanIds.length ? db.select().from(fanSignals).where(inArray(fanSignals.fanId, fanIds)) : Promise.resolve([]);
  },
  async findOne(db: Db, fanId: string): Promise<SignalsRow | undefined> {
    const [row] = await db.select().from(fanSignals).where(eq(fanSignals.fanId, fanId));
    return row;
  },
  /**
   * A page of every fan's signals, keyset on fan id (full re-levelling), locked until the
   * transaction ends so an activity landing meanwhile waits instead of being overwritten.
   */
  lockPage(db: Db, afterFanId: string | null, limit: number): Promise<SignalsRow[]> {
    return db
      .select()
      .from(fanSignals)
      .where(afterFanId ? gt(fanSignals.fanId, afterFanId) : undefined)
      .orderBy(asc(fanSignals.fanId))
      .limit(limit)
      .for('update');
  },
  async setLevels(db: Db, changes: { fanId: string; level: number; levelSince: Date | null; graceUntil: Date | null; topDistance: number }[]) {
    if (changes.length === 0) return;
    const json = JSON.stringify(
      changes.map((c) => ({ fan_id: c.fanId, level: c.level, level_since: c.levelSince, grace_until: c.graceUntil, top_distance: c.topDistance })),
    );
    await db.execute(sql`
      update fan_signals s set level = v.level, level_since = v.level_since, grace_until = v.grace_until, top_distance = v.top_distance
      from jsonb_to_recordset(${json}::jsonb) as v(fan_id uuid, level smallint, level_since timestamptz, grace_until timestamptz, top_distance real)
      where s.fan_id = v.fan_id`);
  },

  /** A page of fan ids in id order (primary key walk), for rebuilds. */
  async fanIdsPage(db: Db, afterFanId: string | null, limit: number): Promise<string[]> {
    const rows = await db
      .select({ fanId: fanSignals.fanId })
      .from(fanSignals)
      .where(afterFanId ? gt(fanSignals.fanId, afterFanId) : undefined)
      .orderBy(asc(fanSignals.fanId))
      .limit(limit);
    return rows.map((r) => r.fanId);
  },
  /**
   * Sets these fans' counted signals and follow state to recomputed totals (a fan without totals
   * had no activity: never followed). Only rows that differ are rewritten: a rebuild over settled fans leaves the table
   * (and its indexes) alone instead of creating a dead version of every row.
   */
  async setTotals(db: Db, fanIds: string[], totals: SignalTotals[]) {
    if (fanIds.length === 0) return;
    const byFan = new Map(totals.map((t) => [t.fanId, t]));
    const rows = sql.join(
      fanIds.map((id) => {
        const t = byFan.get(id);
        return sql`(${id}::uuid, ${t?.lastAt.toISOString() ?? null}::timestamptz, ${t?.lastDay ?? null}::date, ${t?.days ?? 0}::int, ${t?.uniqueReads ?? 0}::int, ${t?.shares ?? 0}::int,
          ${t?.followStatus ?? 'never_followed'}::text, ${t?.firstFollowedAt?.toISOString() ?? null}::timestamptz)`;
      }),
      sql`, `,
    );
    await db.execute(sql`
      update fan_signals s set last_active_at = v.last_at, last_active_day = v.last_day, days_active = v.days, unique_reads = v.reads, shares = v.shares,
        follow_status = v.follow, first_followed_at = v.first_followed
      from (values ${rows}) as v(fan_id, last_at, last_day, days, reads, shares, follow, first_followed)
      where s.fan_id = v.fan_id
        and (s.last_active_at, s.last_active_day, s.days_active, s.unique_reads, s.shares, s.follow_status, s.first_followed_at)
          is distinct from (v.last_at, v.last_day, v.days, v.reads, v.shares, v.follow, v.first_followed)`);
  },

  /** Recounts these fans' purchase signals from their orders (the function the orders triggers call, migration 0027). */
  async syncPurchases(db: Db, fanIds: string[]) {
    if (fanIds.length === 0) return;
    await db.execute(sql`select fanbase_sync_purchase_signals(${`{${fanIds.join(',')}}`}::uuid[])`);
  },

  async countByLevel(db: Db): Promise<{ level: number; n: number }[]> {
    return db
      .select({ level: fanSignals.level, n: sql<number>`count(*)`.mapWith(Number) })
      .from(fanSignals)
      .groupBy(fanSignals.level);
  },

  /**
   * Closest to level 4 first, by the distance stored at the last re-levelling: a walk of the
   * partial index fan_signals_candidates_idx, however many fans there are.
   */
  async candidates(db: Db, limit: number, offset: number): Promise<SignalsRow[]> {
    return db
      .select()
      .from(fanSignals)
      .where(sql`${fanSignals.level} between 1 and 3`)
      .orderBy(asc(fanSignals.topDistance), asc(fanSignals.fanId))
      .limit(limit)
      .offset(offset);
  },
  async countCandidates(db: Db): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(fanSignals)
      .where(sql`${fanSignals.level} between 1 and 3`);
    return row?.n ?? 0;
  },
  async countAll(db: Db): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(fanSignals);
    return row?.n ?? 0;
  },
  superFans(db: Db, limit: number, offset: number): Promise<SignalsRow[]> {
    return db
      .select()
      .from(fanSignals)
      .where(eq(fanSignals.level, 4))
      .orderBy(sql`${fanSignals.graceUntil} nulls first`, sql`${fanSignals.levelSince} asc nulls last`, asc(fanSignals.fanId))
      .limit(limit)
      .offset(offset);
  },
  async countLevel(db: Db, level: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(fanSignals)
      .where(eq(fanSignals.level, level));
    return row?.n ?? 0;
  },
};
export type LoyaltyRepository = typeof loyaltyRepository;
