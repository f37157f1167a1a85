import { afterCommit, inTransaction, type Ctx } from '../../core/context.ts';
import type { StockService } from '../store/stock.service.ts';
import type { FestivalItemRow, FestivalRepository } from './festival.repository.ts';
import type { FestivalGate } from './gate/festival-gate.ts';
import type { FestivalOrderStore } from './order-writer.ts';

/**
 * Every minute, for the whole cluster: settle festivals that ended, give back units that stopped
 * processes admitted and never wrote, cancel festival orders past their deadline.
 */
export const FESTIVAL_SWEEP_JOB = 'festival.sweep';
export const FESTIVAL_SWEEP_SCHEDULE = '* * * * *';

type OrderUnits = { fanId: string; festivalItemId: string; quantity: number };

/**
 * Where a festival's units go when they leave an order or the sale:
 * - a canceled or expired festival order gives its units back in the canceling transaction (the
 *   fan's units and the item's sold count), then, once committed, to the gate: on sale again. After
 *   the festival settled they go back to the store's stock instead;
 * - at the end (or a cancel) the festival **settles** once: what of each quota no order holds
 *   (quota less sold) goes back to the store, and the gate forgets the items; units of orders still
 *   unpaid then follow when those orders are paid (sold) or expire (back to the store);
 * - at start-up the gate is set from the durable counts, so units admitted by a process that died
 *   before writing them are on sale again and none is sold twice.
 * The item row's lock orders a give-back and a settlement at the same moment.
 */
export function createFestivalSettlement(deps: {
  repo: FestivalRepository;
  stock: StockService;
  gate: FestivalGate;
  orders: Pick<FestivalOrderStore, 'findByKey'>;
}) {
  const { repo, stock, gate } = deps;
  /** Units admitted by processes that are gone and never written: back on sale (a shared gate; none in this process's). */
  const reap = (ctx: Ctx) => gate.reap(async (fanId, key) => (await deps.orders.findByKey(ctx.db, fanId, key)) !== undefined);

  async function settle(ctx: Ctx, festivalId: string): Promise<number> {
    return inTransaction(ctx, async (tx) => {
      const items = await repo.settleItems(tx.db, festivalId, tx.now());
      const back = items.filter((i) => i.unsold > 0).map((i) => ({ variantId: i.variantId, quantity: i.unsold }));
      if (back.length > 0) await stock.release(tx, back);
      afterCommit(tx, () => {
        Promise.all(items.map((i) => gate.drop(i.id))).catch((err: unknown) => tx.log.error({ err }, 'festival: the gate could not forget settled items'));
      });
      return items.length;
    });
  }

  /** One item's gate counters from its durable orders; `load` leaves a gate that holds it alone. */
  async function loadItem(ctx: Ctx, item: FestivalItemRow, mode: 'reconcile' | 'load'): Promise<void> {
    const { sold, byFan } = await repo.unitsOf(ctx.db, item.id);
    const state = { quota: item.quota, perFanLimit: item.perFanLimit, sold, byFan };
    if (mode === 'reconcile') await gate.reconcile(item.id, state);
    else await gate.load(item.id, state);
  }
  async function loadGate(ctx: Ctx, mode: 'reconcile' | 'load'): Promise<number> {
    const live = await repo.listLive(ctx.db, ctx.now());
    if (live.length === 0) return 0;
    let n = 0;
    for (const item of await repo.itemsOf(
      ctx.db,
      live.map((f) => f.id),
    )) {
      if (item.settledAt) continue;
      await loadItem(ctx, item, mode);
      n += 1;
    }
    return n;
  }
  async function settleEnded(ctx: Ctx): Promise<number> {
    const due = await repo.endedUnsettled(ctx.db, ctx.now());
    for (const id of due) await settle(ctx, id);
    return due.length;
  }

  return {
    /** In the transaction that cancels `orders` (festival orders): their units go back once. */
    async giveBack(tx: Ctx, orders: OrderUnits[]): Promise<void> {
      const perFan = new Map<string, { itemId: string; fanId: string; units: number }>();
      const perItem = new Map<string, number>();
      for (const o of orders) {
        if (o.quantity <= 0) continue;
        const k = `${o.festivalItemId}:${o.fanId}`;
        const row = perFan.get(k) ?? { itemId: o.festivalItemId, fanId: o.fanId, units: 0 };
        row.units += o.quantity;
        perFan.set(k, row);
        perItem.set(o.festivalItemId, (perItem.get(o.festivalItemId) ?? 0) + o.quantity);
      }
      if (perItem.size === 0) return;
      await repo.removeFanUnits(tx.db, [...perFan.values()]);
      const items = await repo.takeBackSold(tx.db, perItem);
      const toStore = items.filter((i) => i.settled && i.units > 0).map((i) => ({ variantId: i.variantId, quantity: i.units }));
      if (toStore.length > 0) await stock.release(tx, toStore);
      const live = new Set(items.filter((i) => !i.settled).map((i) => i.id));
      const toGate = [...perFan.values()].filter((r) => live.has(r.itemId));
      if (toGate.length === 0) return;
      afterCommit(tx, () => {
        // A gate that fails here only holds the units back (never sells them twice): the next start reconciles.
        Promise.all(toGate.map((r) => gate.release(r.itemId, r.fanId, r.units))).catch((err: unknown) =>
          tx.log.error({ err }, 'festival: units of canceled orders could not go back to the gate'),
        );
      });
    },

    /** Settles one festival (ended or canceled): its unsold quota back to the store, once. Answers the items settled. */
    settle,

    /** Settles every festival that has ended (the sweep and the start). Answers the festivals settled. */
    settleEnded,

    /**
     * Sets the gate from the durable counts for every live festival's items. `reconcile`
     * replaces what the gate holds (no other server process is running: what it holds beyond the
     * durable orders was admitted and never written); `load` only fills what the gate lacks.
     */
    loadGate,

    /**
     * Fills the gate with one item a process does not hold (published by another process, whose
     * gate in this process never heard of it), from the durable orders; a gate holding it is left alone.
     */
    loadItem: (ctx: Ctx, item: FestivalItemRow) => loadItem(ctx, item, 'load'),

    /**
     * At a server's start, before it answers: festivals that ended while no server ran settle, and
     * the gate is set from the durable orders — reconciled when no other process uses it, else only
     * filled where empty (the running processes' counters include attempts not written yet).
     */
    async start(ctx: Ctx): Promise<{ items: number; mode: 'reconcile' | 'load'; reaped: number }> {
      const mode = (await gate.join()) === 'alone' ? 'reconcile' : 'load';
      await settleEnded(ctx);
      const items = await loadGate(ctx, mode);
      return { items, mode, reaped: mode === 'load' ? await reap(ctx) : 0 };
    },

    /**
     * Gives back what processes that stopped running admitted and never wrote (the sweep, and a
     * start once a crashed process's lease has run out). Answers the units put back on sale.
     */
    reap,
  };
}
export type FestivalSettlement = ReturnType<typeof createFestivalSettlement>;
