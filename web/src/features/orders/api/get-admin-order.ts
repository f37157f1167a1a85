import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffOrder } from '../types';

export function getAdminOrder(id: string): Promise<StaffOrder> {
  return apiFetch<StaffOrder>(`/api/admin/orders/${encodeURIComponent(id)}`);
}

/** One order as staff see it: the fan, lines, address, payment and refunds. */
export function useAdminOrder(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.consoleOrder(id ?? ''), queryFn: () => getAdminOrder(id!), enabled: Boolean(id) });
}
