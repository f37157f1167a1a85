import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanLoyalty } from '../types';

/** One fan's level, each rule with the fan's value, and what the next level needs. */
export function getFanLoyalty(fanId: string): Promise<FanLoyalty> {
  return apiFetch<FanLoyalty>(`/api/admin/fans/${encodeURIComponent(fanId)}/loyalty`);
}

export function useFanLoyalty(fanId: string) {
  return useQuery({ queryKey: queryKeys.consoleFanLoyalty(fanId), queryFn: () => getFanLoyalty(fanId) });
}
