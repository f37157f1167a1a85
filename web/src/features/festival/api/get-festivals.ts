import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanFestivalSummary } from '../types';

export function getFestivals(): Promise<{ serverTime: string; festivals: FanFestivalSummary[] }> {
  return apiFetch('/api/festivals');
}

/** Published festivals not over yet (the fan site's banner). */
export function useFestivals() {
  return useQuery({ queryKey: queryKeys.festivals, queryFn: getFestivals, staleTime: 60_000 });
}
