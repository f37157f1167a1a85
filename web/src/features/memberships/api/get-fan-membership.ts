import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanMembership } from '../types';

export function getFanMembership(fanId: string): Promise<FanMembership> {
  return apiFetch<FanMembership>(`/api/admin/fans/${encodeURIComponent(fanId)}/membership`);
}

export function useFanMembership(fanId: string) {
  return useQuery({ queryKey: queryKeys.consoleFanMembership(fanId), queryFn: () => getFanMembership(fanId), enabled: Boolean(fanId) });
}
