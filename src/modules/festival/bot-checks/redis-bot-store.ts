import { Redis } from 'ioredis';
import { checkWindow, windowOf, type BotStore } from './bot-store.ts';

/**
 * The bot store in Redis, shared by every server process: a counter is INCR + PEXPIRE on
 * `<prefix>festival:bot:<key>@<window>` (one pipeline for all keys of an attempt, one round trip);
 * a token is SET NX PX.
 */
export function createRedisBotStore(options: { url: string; keyPrefix: string }): BotStore {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const k = (key: string) => `${options.keyPrefix}festival:bot:${key}`;
  return {
    async hit(keys, windowMs, at) {
      checkWindow(windowMs);
      const w = windowOf(at, windowMs);
      const pipe = redis.pipeline();
      for (const key of keys) pipe.incr(k(`${key}@${w}`)).pexpire(k(`${key}@${w}`), windowMs * 2);
      const replies = (await pipe.exec()) ?? [];
      return keys.map((_, i) => {
        const [err, n] = replies[i * 2] ?? [new Error('no reply')];
        if (err) throw err;
        return Number(n);
      });
    },
    async once(key, ttlMs) {
      return (await redis.set(k(`once:${key}`), '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async close() {
      await redis.quit();
    },
  };
}
