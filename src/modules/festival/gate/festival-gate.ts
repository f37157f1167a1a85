/**
 * The festival's gate: decides purchase attempts atomically, so no more units are admitted than
 * an item's quota and no fan gets more than the per-fan limit, under any concurrency. Two
 * implementations behind one interface: in this process (memory-gate.ts, for one server without
 * Redis) and in Redis (redis-gate.ts, one Lua script per operation, for several server processes).
 * The gate admits; the order writer makes each admitted attempt durable before it is answered `won`.
 */
export type GateAnswer = 'won' | 'sold_out' | 'limit_reached';

/** An item's counters as the durable orders have them (units held by paid and pending orders). */
export type GateItemState = {
  quota: number;
  perFanLimit: number;
  /** Units all durable orders hold. */
  sold: number;
  /** Units each fan's durable orders hold (fans with none may be left out). */
  byFan: ReadonlyMap<string, number>;
};

export type FestivalGate = {
  readonly kind: 'memory' | 'redis';
  /**
   * Sets an item's counters from the durable orders when the gate does not hold the item yet, and
   * answers whether it did. A gate already holding it (another process loaded it, attempts are
   * running) is left alone: its counters include attempts admitted but not yet written.
   */
  load(itemKey: string, state: GateItemState): Promise<boolean>;
  /**
   * Replaces an item's counters with the durable orders' (after every process stopped, or a crash:
   * units admitted and never written go back on sale). Never while attempts are running.
   */
  reconcile(itemKey: string, state: GateItemState): Promise<void>;
  /**
   * One fan's try for `qty` units: admitted (`won`) or refused, atomically. With the attempt's
   * `key` (its Idempotency-Key) a shared gate records the admission as in flight for this process
   * until `landed` or `release`, so units of a process that dies before writing the order are not lost.
   */
  attempt(itemKey: string, fanId: string, qty: number, key?: string): Promise<GateAnswer>;
  /**
   * Units back on sale (an unpaid order expired, a write failed — then with the attempt's `key`,
   * which is no longer in flight): the fan's count goes down by at most what they hold; answers
   * the units released.
   */
  release(itemKey: string, fanId: string, qty: number, key?: string): Promise<number>;
  /** The admitted attempt `key` is durable (its order committed): no longer in flight. */
  landed(itemKey: string, fanId: string, key: string): Promise<void>;
  /**
   * Gives back the units that processes no longer running admitted and never made durable (no
   * order for that fan and key), each once; answers the units released.
   */
  reap(isDurable: (fanId: string, key: string) => Promise<boolean>): Promise<number>;
  /** Units left to admit, or null when the gate does not hold the item. */
  remaining(itemKey: string): Promise<number | null>;
  /** Units the fan holds in the gate. */
  heldBy(itemKey: string, fanId: string): Promise<number>;
  /**
   * Counts this process among the gate's users until `close` (in Redis a lease it renews) and
   * answers whether another running process uses the gate too: alone, a start-up may reconcile
   * every item from the durable orders; shared, it only loads what is missing.
   */
  join(): Promise<'alone' | 'shared'>;
  /** Forgets an item (a festival archived). */
  drop(itemKey: string): Promise<void>;
  close(): Promise<void>;
};

/** The gate does not hold the item (never loaded here, or dropped): load it from the durable orders. */
export class ItemNotLoadedError extends Error {
  constructor(readonly itemKey: string) {
    super(`gate: item ${itemKey} is not loaded`);
  }
}

/** Refuses counters the gate cannot hold: whole numbers, sold within the quota, nobody over the limit. */
export function checkState(state: GateItemState): void {
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!whole(state.quota) || !whole(state.sold) || !whole(state.perFanLimit) || state.perFanLimit < 1)
    throw new RangeError('gate: quota, sold and per-fan limit must be whole numbers');
  if (state.sold > state.quota) throw new RangeError(`gate: ${state.sold} units sold of a quota of ${state.quota}`);
  for (const [fanId, n] of state.byFan)
    if (!whole(n) || n > state.perFanLimit) throw new RangeError(`gate: fan ${fanId} holds ${n} units, over the limit of ${state.perFanLimit}`);
}

export function checkQty(qty: number): void {
  if (!Number.isSafeInteger(qty) || qty < 1) throw new RangeError('gate: a quantity is a whole number of at least 1');
}
