import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Invitation } from '../types';

/** Pending invitations (owner only). */
export function getInvitations(): Promise<{ items: Invitation[] }> {
  return apiFetch<{ items: Invitation[] }>('/api/admin/staff/invitations');
}

export function useInvitations({ enabled }: { enabled: boolean }) {
  return useQuery({ queryKey: queryKeys.consoleInvitations, queryFn: getInvitations, enabled });
}
