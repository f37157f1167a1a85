import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { fansReadModel as fans } from '../fans/fans.read-model.ts';
import { fanSignalsReadModel as fanSignals } from '../loyalty/loyalty.read-model.ts';
import { membershipTiersReadModel as tiers } from '../memberships/memberships.read-model.ts';
import { orderLinesReadModel as orderLines, ordersReadModel as orders } from '../orders/orders.read-model.ts';
import { festivalItems, festivalRefusals, festivalReservations, festivals } from './festival.table.ts';

/** Who a row counts: the tier the fan holds now (null: none) and their loyalty level now. */
export type BuyerKey = { tierId: string | null; tierName: string | null; level: number };
export type OrderFigureRow = BuyerKey & {
  itemId: string;
  orders: number;
  paid: number;
  expired: number;
  fanCanceled: number;
  refunded: number;
  unitsSold: number;
  gmvMinor: number;
};
export type ReservationRow = BuyerKey & { itemId: string; reservations: number; reservationsOrdered: number };
export type RefusalRow = BuyerKey & { kind: string; refusals: number };
export type RefusalAdd = { festivalId: string; fanId: string; kind: string; count: number; at: Date };

/** The tier held now (active, canceled or past due: not yet expired) and the level, from the CRM row. */
const buyer = sql`
  case when ${fanSignals.membershipStatus} in ('active', 'canceled', 'past_due') then ${fanSignals.membershipTierId} end as tier_id,
  case when ${fanSignals.membershipStatus} in ('active', 'canceled', 'past_due') then ${tiers.name} end as tier_name,
  coalesce(${fanSignals.level}, 0)::int as level`;
const joinBuyer = (fanId: unknown) => sql`
  left join ${fanSignals} on ${fanSignals.fanId} = ${fanId}
  left join ${tiers} on ${tiers.id} = ${fanSignals.membershipTierId}`;

const num = (v: unknown) => Number(v ?? 0);
const keyOf = (r: { tier_id: string | null; tier_name: string | null; level: unknown }): BuyerKey => ({
  tierId: r.tier_id,
  tierName: r.tier_name,
  level: num(r.level),
});

/**
 * The after-festival report's reads (one GROUP BY each, by item and the buyer's tier and level),
 * and the refusals' upsert. Read once per report: a festival's orders through the partial index
 * orders_festival_item_idx, its reservations through festival_reservations_festival_idx, its
 * refusals by primary key prefix; the CRM row and the tier by primary key (and, per reservation,
 * the fan's orders of the item through orders_fan_created_idx).
 */
export const festivalReportRepository = {
  async orderFigures(db: Db, festivalId: string): Promise<OrderFigureRow[]> {
    const rows = rowsOf<Record<string, unknown> & { item_id: string; tier_id: string | null; tier_name: string | null }>(
      await db.execute(sql`
        select ${orders.festivalItemId} as item_id, ${buyer},
          count(*)::int as orders,
          count(*) filter (where ${orders.paidAt} is not null)::int as paid,
          count(*) filter (where ${orders.status} = 'canceled' and ${orders.cancelReason} = 'expired')::int as expired,
          count(*) filter (where ${orders.status} = 'canceled' and ${orders.cancelReason} = 'fan')::int as fan_canceled,
          count(*) filter (where ${orders.refundedMinor} > 0)::int as refunded,
          coalesce(sum(${orderLines.quantity} - ${orderLines.refundedQuantity}) filter (where ${orders.paidAt} is not null), 0)::bigint as units_sold,
          coalesce(sum(${orders.totalMinor} - ${orders.refundedMinor}) filter (where ${orders.paidAt} is not null), 0)::bigint as gmv_minor
        from ${orders}
        join ${orderLines} on ${orderLines.orderId} = ${orders.id}
        ${joinBuyer(orders.fanId)}
        where ${orders.festivalItemId} in (select ${festivalItems.id} from ${festivalItems} where ${festivalItems.festivalId} = ${festivalId})
        group by 1, 2, 3, 4`),
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      ...keyOf(r as never),
      orders: num(r.orders),
      paid: num(r.paid),
      expired: num(r.expired),
      fanCanceled: num(r.fan_canceled),
      refunded: num(r.refunded),
      unitsSold: num(r.units_sold),
      gmvMinor: num(r.gmv_minor),
    }));
  },

  async reservations(db: Db, festivalId: string): Promise<ReservationRow[]> {
    const rows = rowsOf<{
      item_id: string;
      tier_id: string | null;
      tier_name: string | null;
      level: unknown;
      reservations: unknown;
      reservations_ordered: unknown;
    }>(
      await db.execute(sql`
        select ${festivalReservations.itemId} as item_id, ${buyer}, count(*)::int as reservations,
          count(*) filter (where exists (
            select 1 from ${orders} where ${orders.festivalItemId} = ${festivalReservations.itemId} and ${orders.fanId} = ${festivalReservations.fanId}
          ))::int as reservations_ordered
        from ${festivalReservations}
        ${joinBuyer(festivalReservations.fanId)}
        where ${festivalReservations.festivalId} = ${festivalId}
        group by 1, 2, 3, 4`),
    );
    return rows.map((r) => ({ itemId: r.item_id, ...keyOf(r), reservations: num(r.reservations), reservationsOrdered: num(r.reservations_ordered) }));
  },

  async refusals(db: Db, festivalId: string): Promise<RefusalRow[]> {
    const rows = rowsOf<{ kind: string; tier_id: string | null; tier_name: string | null; level: unknown; refusals: unknown }>(
      await db.execute(sql`
        select ${festivalRefusals.kind} as kind, ${buyer}, sum(${festivalRefusals.count})::int as refusals
        from ${festivalRefusals}
        ${joinBuyer(festivalRefusals.fanId)}
        where ${festivalRefusals.festivalId} = ${festivalId}
        group by 1, 2, 3, 4`),
    );
    return rows.map((r) => ({ kind: r.kind, ...keyOf(r), refusals: num(r.refusals) }));
  },

  /** Adds buffered refusals: one multi-row upsert (rows of a festival that no longer exists are dropped). */
  async addRefusals(db: Db, rows: RefusalAdd[]): Promise<void> {
    if (rows.length === 0) return;
    const values = sql.join(
      rows.map((r) => sql`(${r.festivalId}::uuid, ${r.fanId}::uuid, ${r.kind}, ${r.count}::int, ${r.at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await db.execute(sql`
      insert into ${festivalRefusals} (festival_id, fan_id, kind, count, last_at)
      select v.festival_id, v.fan_id, v.kind, v.count, v.last_at
      from (values ${values}) as v (festival_id, fan_id, kind, count, last_at)
      where exists (select 1 from ${festivals} where ${festivals.id} = v.festival_id) and exists (select 1 from ${fans} where ${fans.id} = v.fan_id)
      on conflict (festival_id, fan_id, kind) do update
        set count = ${festivalRefusals.count} + excluded.count, last_at = greatest(${festivalRefusals.lastAt}, excluded.last_at)`);
  },
};
export type FestivalReportRepository = typeof festivalReportRepository;
