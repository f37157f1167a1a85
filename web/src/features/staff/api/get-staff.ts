import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffMember } from '../types';

export function getStaff(): Promise<{ items: StaffMember[] }> {
  return apiFetch<{ items: StaffMember[] }>('/api/admin/staff');
}

export function useStaff() {
  return useQuery({ queryKey: queryKeys.consoleStaff, queryFn: getStaff });
}
