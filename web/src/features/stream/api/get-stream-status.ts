import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { pendingFor, type StreamConsumer, type StreamStatus } from '../types';

/** Whether figures derived from the activity stream (analytics, article counters, loyalty) are catching up. */
export function getStreamStatus(): Promise<StreamStatus> {
  return apiFetch<StreamStatus>('/api/admin/stream');
}

const WHILE_BEHIND_MS = 2_000;
const WHILE_CAUGHT_UP_MS = 30_000;

/** Looks every 2 s while the given consumers are behind, every 30 s otherwise (not while the tab is hidden). */
export function useStreamStatus(consumers: readonly StreamConsumer[]) {
  return useQuery({
    queryKey: queryKeys.consoleStream,
    queryFn: getStreamStatus,
    // A page that opens asks at once: its figures were just fetched and may already be late.
    staleTime: 0,
    refetchInterval: (q) => (pendingFor(q.state.data, consumers) > 0 ? WHILE_BEHIND_MS : WHILE_CAUGHT_UP_MS),
  });
}
