import { and, asc, count, countDistinct, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import type { Db } from '../../db/client.ts';
import { festivalFanUnits, festivalItems, festivalReservations, festivals, type FestivalStatus } from './festival.table.ts';

export type FestivalRow = typeof festivals.$inferSelect;
export type FestivalItemRow = typeof festivalItems.$inferSelect;
/** Units a fan takes of an item, refused past the item's per-fan limit (festival_fan_units_limit_check). */
export type FanUnits = { itemId: string; fanId: string; units: number; perFanLimit: number };

/** The festival tables only; the variants they sell are read through the store (FestivalCatalogue). */
export const festivalRepository = {
  async insert(db: Db, row: typeof festivals.$inferInsert): Promise<FestivalRow> {
    const [created] = await db.insert(festivals).values(row).returning();
    return created!;
  },
  async update(db: Db, id: string, patch: Partial<typeof festivals.$inferInsert>): Promise<FestivalRow | undefined> {
    const [row] = await db.update(festivals).set(patch).where(eq(festivals.id, id)).returning();
    return row;
  },
  /** Moves the status only from the one expected (a concurrent publish and cancel: one wins). */
  async moveStatus(db: Db, id: string, from: FestivalStatus, to: FestivalStatus, at: Date): Promise<FestivalRow | undefined> {
    const [row] = await db
      .update(festivals)
      .set({ status: to, updatedAt: at })
      .where(and(eq(festivals.id, id), eq(festivals.status, from)))
      .returning();
    return row;
  },
  async findById(db: Db, id: string): Promise<FestivalRow | undefined> {
    const [row] = await db.select().from(festivals).where(eq(festivals.id, id)).limit(1);
    return row;
  },
  /** festivals_slug_key. */
  async findBySlug(db: Db, slug: string): Promise<FestivalRow | undefined> {
    const [row] = await db.select().from(festivals).where(eq(festivals.slug, slug)).limit(1);
    return row;
  },
  /** The console list, latest start first (festivals_starts_idx). */
  async list(db: Db, f: { status?: FestivalStatus; limit: number; offset: number }) {
    const where = f.status ? eq(festivals.status, f.status) : undefined;
    const [rows, [total]] = await Promise.all([
      db.select().from(festivals).where(where).orderBy(desc(festivals.startsAt), desc(festivals.id)).limit(f.limit).offset(f.offset),
      db.select({ n: count() }).from(festivals).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /** Published festivals not over yet, soonest first (festivals_status_ends_idx). */
  listUpcoming(db: Db, now: Date, limit: number): Promise<FestivalRow[]> {
    return db
      .select()
      .from(festivals)
      .where(and(eq(festivals.status, 'published'), gt(festivals.endsAt, now)))
      .orderBy(asc(festivals.startsAt), asc(festivals.id))
      .limit(limit);
  },

  // ——— Items ———
  itemsOf(db: Db, festivalIds: string[]): Promise<FestivalItemRow[]> {
    if (festivalIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(festivalItems)
      .where(inArray(festivalItems.festivalId, festivalIds))
      .orderBy(asc(festivalItems.festivalId), asc(festivalItems.position), asc(festivalItems.createdAt), asc(festivalItems.id));
  },
  async findItem(db: Db, festivalId: string, itemId: string): Promise<FestivalItemRow | undefined> {
    const [row] = await db
      .select()
      .from(festivalItems)
      .where(and(eq(festivalItems.id, itemId), eq(festivalItems.festivalId, festivalId)))
      .limit(1);
    return row;
  },
  /** festival_items_variant_key. */
  async findItemByVariant(db: Db, festivalId: string, variantId: string): Promise<FestivalItemRow | undefined> {
    const [row] = await db
      .select()
      .from(festivalItems)
      .where(and(eq(festivalItems.festivalId, festivalId), eq(festivalItems.variantId, variantId)))
      .limit(1);
    return row;
  },
  async insertItem(db: Db, row: typeof festivalItems.$inferInsert): Promise<FestivalItemRow> {
    const [created] = await db.insert(festivalItems).values(row).returning();
    return created!;
  },
  async updateItem(db: Db, id: string, patch: Partial<typeof festivalItems.$inferInsert>): Promise<FestivalItemRow | undefined> {
    const [row] = await db.update(festivalItems).set(patch).where(eq(festivalItems.id, id)).returning();
    return row;
  },
  async deleteItem(db: Db, id: string): Promise<void> {
    await db.delete(festivalItems).where(eq(festivalItems.id, id));
  },

  // ——— Reservations ———
  /** Answers whether a row was written (a second reservation writes nothing). */
  async reserve(db: Db, row: typeof festivalReservations.$inferInsert): Promise<boolean> {
    const rows = await db.insert(festivalReservations).values(row).onConflictDoNothing().returning({ itemId: festivalReservations.itemId });
    return rows.length > 0;
  },
  async unreserve(db: Db, itemId: string, fanId: string): Promise<boolean> {
    const rows = await db
      .delete(festivalReservations)
      .where(and(eq(festivalReservations.itemId, itemId), eq(festivalReservations.fanId, fanId)))
      .returning({ itemId: festivalReservations.itemId });
    return rows.length > 0;
  },
  /** The items this fan reserved at this festival (festival_reservations_fan_idx). */
  async reservedBy(db: Db, festivalId: string, fanId: string): Promise<Set<string>> {
    const rows = await db
      .select({ itemId: festivalReservations.itemId })
      .from(festivalReservations)
      .where(and(eq(festivalReservations.fanId, fanId), eq(festivalReservations.festivalId, festivalId)));
    return new Set(rows.map((r) => r.itemId));
  },
  /** Every reservation of a festival (festival_reservations_festival_idx), when there are at most `max`; else null. */
  async allReservations(db: Db, festivalId: string, max: number): Promise<{ itemId: string; fanId: string }[] | null> {
    const rows = await db
      .select({ itemId: festivalReservations.itemId, fanId: festivalReservations.fanId })
      .from(festivalReservations)
      .where(eq(festivalReservations.festivalId, festivalId))
      .limit(max + 1);
    return rows.length > max ? null : rows;
  },
  /** Reservations per item of these festivals, and fans with any (festival_reservations_festival_idx). */
  async counts(db: Db, festivalIds: string[]): Promise<{ perItem: Map<string, number>; fans: Map<string, number> }> {
    if (festivalIds.length === 0) return { perItem: new Map(), fans: new Map() };
    const where = inArray(festivalReservations.festivalId, festivalIds);
    const [perItem, perFestival] = await Promise.all([
      db.select({ itemId: festivalReservations.itemId, n: count() }).from(festivalReservations).where(where).groupBy(festivalReservations.itemId),
      db
        .select({ festivalId: festivalReservations.festivalId, n: countDistinct(festivalReservations.fanId) })
        .from(festivalReservations)
        .where(where)
        .groupBy(festivalReservations.festivalId),
    ]);
    return { perItem: new Map(perItem.map((r) => [r.itemId, Number(r.n)])), fans: new Map(perFestival.map((r) => [r.festivalId, Number(r.n)])) };
  },
  async countForItem(db: Db, itemId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(festivalReservations).where(eq(festivalReservations.itemId, itemId));
    return Number(row?.n ?? 0);
  },

  // ——— Units sold (the order writer and the expiry) ———
  /**
   * Adds units to each (item, fan) in one statement; a row past its per-fan limit fails the whole
   * statement (festival_fan_units_limit_check). One row per (item, fan) per call.
   */
  async addFanUnits(db: Db, rows: FanUnits[]): Promise<void> {
    if (rows.length === 0) return;
    await db.execute(festivalRepository.addFanUnitsWrite(rows));
  },
  /** addFanUnits as a write for one statement with others (src/db/one-statement.ts). */
  addFanUnitsWrite(rows: FanUnits[]): SQL {
    const json = rows.map((r) => ({ item_id: r.itemId, fan_id: r.fanId, units: r.units, per_fan_limit: r.perFanLimit }));
    return sql`
      insert into festival_fan_units (item_id, fan_id, units, per_fan_limit)
      select item_id, fan_id, units, per_fan_limit
      from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as r(item_id uuid, fan_id uuid, units int, per_fan_limit int)
      on conflict (item_id, fan_id) do update set units = festival_fan_units.units + excluded.units`;
  },
  /**
   * Takes units back from each (item, fan) in one statement, deleting rows that reach zero (a row
   * holds at least one unit). One row per (item, fan) per call.
   */
  async removeFanUnits(db: Db, rows: { itemId: string; fanId: string; units: number }[]): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows.map((r) => ({ item_id: r.itemId, fan_id: r.fanId, units: r.units })));
    await db.execute(sql`
      with d as (select * from jsonb_to_recordset(${json}::jsonb) as r(item_id uuid, fan_id uuid, units int)),
      gone as (
        delete from festival_fan_units u using d
        where u.item_id = d.item_id and u.fan_id = d.fan_id and u.units <= d.units
        returning u.item_id
      )
      update festival_fan_units u set units = u.units - d.units
      from d where u.item_id = d.item_id and u.fan_id = d.fan_id and u.units > d.units`);
  },
  /**
   * Takes units sold back per item (canceled or expired orders) in one statement, never below zero;
   * answers each item's variant and whether its quota was settled already (the units then belong
   * to the store). Locks the item rows, so a settlement at the same moment goes before or after.
   */
  async takeBackSold(db: Db, perItem: Map<string, number>): Promise<{ id: string; variantId: string; settled: boolean; units: number }[]> {
    if (perItem.size === 0) return [];
    const result = await db.execute(sql`
      update festival_items fi set sold = greatest(fi.sold - d.n, 0)
      from jsonb_to_recordset(${JSON.stringify([...perItem].map(([item_id, n]) => ({ item_id, n })))}::jsonb) as d(item_id uuid, n int)
      where fi.id = d.item_id
      returning fi.id, fi.variant_id, fi.settled_at is not null as settled, d.n as units`);
    return rowsOf<{ id: string; variant_id: string; settled: boolean; units: number }>(result).map((r) => ({
      id: r.id,
      variantId: r.variant_id,
      settled: r.settled,
      units: Number(r.units),
    }));
  },
  /**
   * Settles a festival's items once: marks them and answers what of each quota no order holds
   * (quota less sold), to go back to the store. Items settled before are left out.
   */
  async settleItems(db: Db, festivalId: string, at: Date): Promise<{ id: string; variantId: string; unsold: number }[]> {
    const result = await db.execute(sql`
      update festival_items set settled_at = ${at.toISOString()}::timestamptz
      where festival_id = ${festivalId} and settled_at is null
      returning id, variant_id, quota - sold as unsold`);
    return rowsOf<{ id: string; variant_id: string; unsold: number }>(result).map((r) => ({ id: r.id, variantId: r.variant_id, unsold: Number(r.unsold) }));
  },
  /** Published festivals over by `now` with an item not settled yet. */
  async endedUnsettled(db: Db, now: Date): Promise<string[]> {
    const result = await db.execute(sql`
      select f.id from festivals f
      where f.status = 'published' and f.ends_at <= ${now.toISOString()}::timestamptz
        and exists (select 1 from festival_items i where i.festival_id = f.id and i.settled_at is null)`);
    return rowsOf<{ id: string }>(result).map((r) => r.id);
  },
  /**
   * Adds (or, negative, takes back) units sold per item in one statement; past the quota or below
   * zero fails it (festival_items_sold_check). Answers the items changed.
   */
  async addSold(db: Db, perItem: Map<string, number>): Promise<number> {
    if (perItem.size === 0) return 0;
    return rowsOf(await db.execute(festivalRepository.addSoldWrite(perItem))).length;
  },
  /** addSold as a write for one statement with others: returns a row per item changed. */
  addSoldWrite(perItem: Map<string, number>): SQL {
    return sql`
      update festival_items fi set sold = fi.sold + d.n
      from jsonb_to_recordset(${JSON.stringify([...perItem].map(([item_id, n]) => ({ item_id, n })))}::jsonb) as d(item_id uuid, n int)
      where fi.id = d.item_id
      returning fi.id`;
  },
  /** An item's durable counts: units sold and each fan's units (the gate's state at start-up). */
  async unitsOf(db: Db, itemId: string): Promise<{ sold: number; byFan: Map<string, number> }> {
    const [item] = await db.select({ sold: festivalItems.sold }).from(festivalItems).where(eq(festivalItems.id, itemId));
    const rows = await db
      .select({ fanId: festivalFanUnits.fanId, units: festivalFanUnits.units })
      .from(festivalFanUnits)
      .where(eq(festivalFanUnits.itemId, itemId));
    return { sold: item?.sold ?? 0, byFan: new Map(rows.map((r) => [r.fanId, r.units])) };
  },
  /** Published festivals not over yet, with their items (start-up loads the gate; the attempt catalogue). */
  listLive(db: Db, now: Date): Promise<FestivalRow[]> {
    return db
      .select()
      .from(festivals)
      .where(and(eq(festivals.status, 'published'), gt(festivals.endsAt, now)));
  },
};
export type FestivalRepository = typeof festivalRepository;
