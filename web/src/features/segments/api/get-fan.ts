import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanListItem } from '../../segments/types';

export function getFan(id: string): Promise<FanListItem> {
  return apiFetch<FanListItem>(`/api/admin/fans/${encodeURIComponent(id)}`);
}

export function useFan(id: string) {
  return useQuery({ queryKey: queryKeys.consoleFan(id), queryFn: () => getFan(id) });
}
