import type { BotStore } from './bot-store.ts';
import { createMemoryBotStore } from './memory-bot-store.ts';
import { createRedisBotStore } from './redis-bot-store.ts';

/** Redis when REDIS_URL is set (several server processes share it), else this process's own store. */
export function createBotStore(config: { redisUrl: string | undefined; keyPrefix?: string }): BotStore {
  return config.redisUrl ? createRedisBotStore({ url: config.redisUrl, keyPrefix: config.keyPrefix ?? 'fanbase:' }) : createMemoryBotStore();
}
