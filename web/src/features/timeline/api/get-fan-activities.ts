import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ActivityPage } from '../types';

const PAGE_SIZE = 20;

/** One fan's timeline as staff see it, newest first. */
export function getFanActivities(fanId: string, cursor: string | null): Promise<ActivityPage> {
  const query = toQueryString({ cursor, limit: PAGE_SIZE });
  return apiFetch<ActivityPage>(`/api/admin/fans/${encodeURIComponent(fanId)}/activities${query}`);
}

export function useFanActivities(fanId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.consoleFanActivities(fanId),
    queryFn: ({ pageParam }) => getFanActivities(fanId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
