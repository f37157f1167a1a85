import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminFestival } from '../types';

export function getAdminFestival(id: string): Promise<AdminFestival> {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}`);
}

/** One festival with its items and reservations; nothing is fetched for a new one. */
export function useAdminFestival(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.consoleFestival(id ?? ''), queryFn: () => getAdminFestival(id!), enabled: Boolean(id) });
}
