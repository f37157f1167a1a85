import type { AttemptStats } from './attempt-stats.ts';
import { createMemoryAttemptStats } from './memory-attempt-stats.ts';
import { createRedisAttemptStats } from './redis-attempt-stats.ts';

/** Redis when REDIS_URL is set (every server process's attempts on one board), else this process's. */
export function createAttemptStats(config: { redisUrl: string | undefined; keyPrefix?: string }): AttemptStats {
  return config.redisUrl ? createRedisAttemptStats({ url: config.redisUrl, keyPrefix: config.keyPrefix ?? 'fanbase:' }) : createMemoryAttemptStats();
}
