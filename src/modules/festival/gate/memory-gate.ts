import { checkQty, checkState, ItemNotLoadedError, type FestivalGate, type GateAnswer, type GateItemState } from './festival-gate.ts';

type Item = { remaining: number; quota: number; perFanLimit: number; byFan: Map<string, number> };

/**
 * The gate in this process: each operation runs to its end before another starts (one thread, no
 * await inside), so its counters are exact. Only for one server process: a second process would
 * hold counters of its own (use Redis, REDIS_URL, for several).
 */
export function createMemoryGate(): FestivalGate {
  const items = new Map<string, Item>();
  const set = (itemKey: string, state: GateItemState) => {
    checkState(state);
    items.set(itemKey, {
      remaining: state.quota - state.sold,
      quota: state.quota,
      perFanLimit: state.perFanLimit,
      byFan: new Map([...state.byFan].filter(([, n]) => n > 0)),
    });
  };
  const itemOf = (itemKey: string): Item => {
    const item = items.get(itemKey);
    if (!item) throw new ItemNotLoadedError(itemKey);
    return item;
  };
  return {
    kind: 'memory',
    // A gate in this process has no other user.
    join: async () => 'alone',
    async load(itemKey, state) {
      if (items.has(itemKey)) return false;
      set(itemKey, state);
      return true;
    },
    async reconcile(itemKey, state) {
      set(itemKey, state);
    },
    async attempt(itemKey, fanId, qty): Promise<GateAnswer> {
      checkQty(qty);
      const item = itemOf(itemKey);
      const held = item.byFan.get(fanId) ?? 0;
      if (held + qty > item.perFanLimit) return 'limit_reached';
      if (item.remaining < qty) return 'sold_out';
      item.remaining -= qty;
      item.byFan.set(fanId, held + qty);
      return 'won';
    },
    async release(itemKey, fanId, qty) {
      checkQty(qty);
      const item = itemOf(itemKey);
      const held = item.byFan.get(fanId) ?? 0;
      const back = Math.min(qty, held);
      if (back === 0) return 0;
      if (held === back) item.byFan.delete(fanId);
      else item.byFan.set(fanId, held - back);
      item.remaining = Math.min(item.quota, item.remaining + back);
      return back;
    },
    // What this process admits dies with it: nothing is in flight for another process to reap.
    async landed() {},
    reap: async () => 0,
    async remaining(itemKey) {
      return items.get(itemKey)?.remaining ?? null;
    },
    async heldBy(itemKey, fanId) {
      return items.get(itemKey)?.byFan.get(fanId) ?? 0;
    },
    async drop(itemKey) {
      items.delete(itemKey);
    },
    async close() {
      items.clear();
    },
  };
}
