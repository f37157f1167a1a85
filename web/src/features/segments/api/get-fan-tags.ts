import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getFanTags(fanId: string): Promise<{ tags: string[] }> {
  return apiFetch<{ tags: string[] }>(`/api/admin/fans/${encodeURIComponent(fanId)}/tags`);
}

export function useFanTags(fanId: string) {
  return useQuery({ queryKey: queryKeys.consoleFanTags(fanId), queryFn: () => getFanTags(fanId) });
}
