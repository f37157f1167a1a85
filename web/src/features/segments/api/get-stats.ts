import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanStats } from '../../segments/types';

export function getStats(): Promise<FanStats> {
  return apiFetch<FanStats>('/api/admin/stats');
}

export function useStats() {
  return useQuery({ queryKey: queryKeys.consoleStats, queryFn: getStats });
}
