import type { FestivalGate } from './festival-gate.ts';
import { createMemoryGate } from './memory-gate.ts';
import { createRedisGate } from './redis-gate.ts';

/** Redis when REDIS_URL is set (several server processes share it), else this process's own gate. */
export function createFestivalGate(config: { redisUrl: string | undefined; keyPrefix?: string }): FestivalGate {
  return config.redisUrl ? createRedisGate({ url: config.redisUrl, keyPrefix: config.keyPrefix ?? 'fanbase:' }) : createMemoryGate();
}
