// The API's answers are the server's own zod DTO types (type-only imports: no server code is bundled).
import type { StreamStatusDto } from '@server/platform/stream/stream.schemas.ts';

/** The consumers of the activity stream, each keeping some figures the console shows. */
export const STREAM_CONSUMERS = ['insights.daily', 'articles.counters', 'loyalty.signals'] as const;
export type StreamConsumer = (typeof STREAM_CONSUMERS)[number];

/** Per consumer: activities recorded but not counted yet, and for how long. */
export type StreamStatus = StreamStatusDto;

/**
 * How many recent activities the given consumers have not counted yet. Every consumer reads the
 * same activities, so the one furthest behind says it (adding them up would count twice).
 */
export function pendingFor(status: StreamStatus | undefined, consumers: readonly StreamConsumer[]): number {
  if (!status) return 0;
  return Math.max(0, ...status.consumers.filter((c) => consumers.some((name) => name === c.consumer)).map((c) => c.pending));
}
