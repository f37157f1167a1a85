import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { DayRange, Growth } from '../types';

/** Follows, unfollows and followers per day (the channel's time zone), split by source. */
export function getGrowth(range: DayRange): Promise<Growth> {
  return apiFetch<Growth>(`/api/admin/insights/growth${toQueryString({ from: range.from, to: range.to })}`);
}

export function useGrowth(range: DayRange) {
  return useQuery({
    queryKey: queryKeys.consoleGrowth({ ...range }),
    queryFn: () => getGrowth(range),
    placeholderData: keepPreviousData,
    // While past days are re-counted for a new time zone, look again every 2 s.
    refetchInterval: (q) => (q.state.data?.recounting ? 2000 : false),
  });
}
