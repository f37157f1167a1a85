import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Quality } from '../types';

/** Fan quality per acquisition source: how many stayed 30 days. */
export function getQuality(): Promise<Quality> {
  return apiFetch<Quality>('/api/admin/insights/quality');
}

export function useQuality() {
  return useQuery({ queryKey: queryKeys.consoleQuality, queryFn: getQuality });
}
