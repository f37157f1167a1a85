import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ActivityPage } from '../types';

const PAGE_SIZE = 20;

/** The signed-in fan's own timeline, newest first. */
export function getMyActivities(cursor: string | null): Promise<ActivityPage> {
  return apiFetch<ActivityPage>(`/api/fan/activities${toQueryString({ cursor, limit: PAGE_SIZE })}`);
}

export function useMyActivities({ enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: queryKeys.fanActivities,
    queryFn: ({ pageParam }) => getMyActivities(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
