import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffMember } from '../types';

/** The signed-in staff member; a 401 sends the browser to the console login page. */
export function getCurrentStaff(): Promise<StaffMember> {
  return apiFetch<StaffMember>('/api/admin/me');
}

export function useCurrentStaff() {
  return useQuery({ queryKey: queryKeys.consoleMe, queryFn: getCurrentStaff, staleTime: 5 * 60_000 });
}
