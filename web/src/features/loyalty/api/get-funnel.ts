import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Funnel } from '../types';

/** Fans per level, and how many moved up or down in the last 30 days. */
export function getFunnel(): Promise<Funnel> {
  return apiFetch<Funnel>('/api/admin/loyalty/funnel');
}

export function useFunnel() {
  return useQuery({ queryKey: queryKeys.consoleFunnel, queryFn: getFunnel });
}
