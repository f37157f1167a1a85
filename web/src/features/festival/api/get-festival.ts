import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanFestival } from '../types';

export function getFestival(slug: string): Promise<FanFestival> {
  return apiFetch<FanFestival>(`/api/festivals/${encodeURIComponent(slug)}`);
}

/** One published festival as the reader sees it; refreshed every 15 s for the live remaining. */
export function useFestival(slug: string) {
  return useQuery({ queryKey: queryKeys.festival(slug), queryFn: () => getFestival(slug), refetchInterval: 15_000 });
}
