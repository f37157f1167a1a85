import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { violatedConstraint, isUniqueViolation } from '../../db/errors.ts';
import { runAsOneStatement, type Write } from '../../db/one-statement.ts';
import { createGroupCommit, type GroupCommit } from '../../platform/batching/group-commit.ts';
import type { Db } from '../../db/client.ts';
import type { FestivalOrderRow } from '../orders/orders.schemas.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import type { FestivalRepository } from './festival.repository.ts';
import { createOrderNumbers } from './order-numbers.ts';

/** What the writer asks of orders (wired in src/container.ts to the orders repository). */
export type FestivalOrderStore = {
  /** Numbers from the orders' sequence, taken ahead of their orders. */
  takeNumbers(db: Db, n: number): Promise<number[]>;
  /** Many orders with one line each, numbered, as two writes (orders, lines) for one statement. */
  festivalOrdersWrites(rows: (FestivalOrderRow & { number: number })[]): { orders: Write; lines: Write };
  /** The order a fan's idempotency key made. */
  findByKey(db: Db, fanId: string, key: string): Promise<{ id: string; number: number; paymentDeadline: Date | null } | undefined>;
};

/** A festival item as the writer needs it: its terms and the product as ordered. */
export type WriterItem = {
  id: string;
  festivalId: string;
  perFanLimit: number;
  priceMinor: number;
  currency: string;
  variantId: string;
  listPriceMinor: number;
  sku: string;
  variantName: string;
  product: { id: string; slug: string; title: string; image: { url: string; alt: string } | null };
};

/** An attempt the gate admitted, to be made durable. */
export type WonAttempt = { fanId: string; key: string; item: WriterItem; quantity: number; at: Date; paymentDeadline: Date };

export type WrittenOrder = { id: string; number: string; paymentDeadline: string };
export type WriteResult =
  /** The order is durable (committed). */
  | { kind: 'written'; order: WrittenOrder }
  /** The fan's key already made an order (a retry): that one, and nothing new was written. */
  | { kind: 'existing'; order: WrittenOrder }
  /** The database refused: the fan's durable units would pass the limit, or the item's the quota. */
  | { kind: 'limit_reached' }
  | { kind: 'sold_out' };

export type OrderWriter = {
  write(attempt: WonAttempt): Promise<WriteResult>;
  /** The order a fan's key already made (in the database: any server process's). */
  existing(fanId: string, key: string): Promise<WrittenOrder | undefined>;
  /** Attempts waiting or being written (admission control). */
  readonly pending: number;
  /** Since start: batches committed, orders in them, and the time they took (metrics, benchmarks). */
  stats(): WriterStats;
};

export type WriterStats = { batches: number; orders: number; seconds: number; largestBatch: number };

/**
 * The festival's order writer: a group commit that writes a batch of won attempts in ONE
 * statement (atomic by itself) — the fans' units (festival_fan_units, refusing rows past the
 * per-fan limit), units sold per item (refusing past the quota), orders (numbered from numbers in
 * hand, order-numbers.ts), order lines and `order_placed` activities, each a multi-row write. A batch the database refuses is retried attempt by
 * attempt (the group commit does), so a unit past the limit or the quota fails only its own attempt.
 * Attempts of one fan on one item never share a batch (their units rows would collide).
 */
export function createOrderWriter(deps: {
  systemCtx: () => Ctx;
  festivals: FestivalRepository;
  orders: FestivalOrderStore;
  timeline: TimelineService;
  maxBatch?: number;
  concurrency?: number;
}): OrderWriter {
  const { festivals, orders, timeline } = deps;
  const stats: WriterStats = { batches: 0, orders: 0, seconds: 0, largestBatch: 0 };
  const numbersInHand = createOrderNumbers((n) => orders.takeNumbers(deps.systemCtx().db, n));

  async function writeBatch(batch: WonAttempt[]): Promise<WriteResult[]> {
    const started = performance.now();
    const written = await writeInOneStatement(batch);
    stats.batches++;
    stats.orders += batch.length;
    stats.seconds += (performance.now() - started) / 1000;
    stats.largestBatch = Math.max(stats.largestBatch, batch.length);
    return written;
  }

  /**
   * The whole batch as ONE statement (src/db/one-statement.ts), atomic without BEGIN/COMMIT and
   * one round trip: under load each round trip waits behind the event loop's other work, so eight
   * of them (begin, five writes, commit) made a batch several times longer.
   */
  async function writeInOneStatement(batch: WonAttempt[]): Promise<WriteResult[]> {
    const ctx = deps.systemCtx();
    const perItem = new Map<string, number>();
    for (const a of batch) perItem.set(a.item.id, (perItem.get(a.item.id) ?? 0) + a.quantity);
    const numbers = await numbersInHand.take(batch.length);
    const rows = batch.map((a, i) => ({
      id: newId(),
      lineId: newId(),
      number: numbers[i]!,
      fanId: a.fanId,
      festivalItemId: a.item.id,
      idempotencyKey: a.key,
      currency: a.item.currency,
      variantId: a.item.variantId,
      productId: a.item.product.id,
      productSlug: a.item.product.slug,
      productTitle: a.item.product.title,
      variantName: a.item.variantName,
      sku: a.item.sku,
      image: a.item.product.image,
      quantity: a.quantity,
      listPriceMinor: a.item.listPriceMinor,
      unitPriceMinor: a.item.priceMinor,
      paymentDeadline: a.paymentDeadline,
      at: a.at,
    }));
    const placed = rows.map((r) => ({
      fanId: r.fanId,
      kind: 'order_placed' as const,
      data: { orderId: r.id, number: String(r.number), totalMinor: r.unitPriceMinor * r.quantity, currency: r.currency, items: r.quantity },
      at: r.at,
    }));
    const written = orders.festivalOrdersWrites(rows);
    // An item deleted meanwhile fails the whole statement on the units' and the orders' foreign keys.
    await timeline.recordManyWith(ctx, placed, (activities) =>
      runAsOneStatement(ctx.db, [
        ['units', festivals.addFanUnitsWrite(batch.map((a) => ({ itemId: a.item.id, fanId: a.fanId, units: a.quantity, perFanLimit: a.item.perFanLimit })))],
        ['sold', festivals.addSoldWrite(perItem)],
        ['placed', written.orders],
        ['lines', written.lines],
        ['recorded', activities],
      ]),
    );
    return rows.map((r) => ({ kind: 'written' as const, order: { id: r.id, number: String(r.number), paymentDeadline: r.paymentDeadline.toISOString() } }));
  }

  async function writeOne(a: WonAttempt): Promise<WriteResult> {
    try {
      return (await writeBatch([a]))[0]!;
    } catch (err) {
      const constraint = violatedConstraint(err);
      if (isUniqueViolation(err) && constraint === 'orders_fan_idempotency_key') {
        const found = await orders.findByKey(deps.systemCtx().db, a.fanId, a.key);
        if (found) return { kind: 'existing', order: orderOf(found) };
      }
      if (constraint === 'festival_fan_units_limit_check') return { kind: 'limit_reached' };
      if (constraint === 'festival_items_sold_check') return { kind: 'sold_out' };
      throw err;
    }
  }

  const commit: GroupCommit<WonAttempt, WriteResult> = createGroupCommit({
    maxBatch: deps.maxBatch ?? 2000,
    concurrency: deps.concurrency ?? 2,
    keyOf: (a) => `${a.item.id}:${a.fanId}`,
    runBatch: writeBatch,
    runOne: writeOne,
  });

  return {
    write: (attempt) => commit.submit(attempt),
    async existing(fanId, key) {
      const found = await orders.findByKey(deps.systemCtx().db, fanId, key);
      return found ? orderOf(found) : undefined;
    },
    get pending() {
      return commit.pending;
    },
    stats: () => ({ ...stats }),
  };
}

export const orderOf = (o: { id: string; number: number; paymentDeadline: Date | null }): WrittenOrder => ({
  id: o.id,
  number: String(o.number),
  paymentDeadline: (o.paymentDeadline ?? new Date(0)).toISOString(),
});
