import { LRUCache } from 'lru-cache';
import { checkWindow, windowOf, type BotStore } from './bot-store.ts';

/**
 * The bot store of one process. Bounded: at most `maxKeys` counters and tokens are kept (the
 * least recently used go first), so a flood of new visitor ids cannot grow memory without end.
 */
export function createMemoryBotStore(options: { maxKeys?: number } = {}): BotStore {
  const max = options.maxKeys ?? 200_000;
  const counters = new LRUCache<string, number>({ max, ttlAutopurge: false });
  const tokens = new LRUCache<string, true>({ max, ttlAutopurge: false });
  return {
    async hit(keys, windowMs, at) {
      checkWindow(windowMs);
      const w = windowOf(at, windowMs);
      return keys.map((key) => {
        const k = `${key}@${w}`;
        const n = (counters.get(k) ?? 0) + 1;
        counters.set(k, n, { ttl: windowMs * 2 });
        return n;
      });
    },
    async once(key, ttlMs) {
      if (tokens.has(key)) return false;
      tokens.set(key, true, { ttl: ttlMs });
      return true;
    },
    async close() {
      counters.clear();
      tokens.clear();
    },
  };
}
