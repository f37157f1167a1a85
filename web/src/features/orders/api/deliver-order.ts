import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { StaffOrder } from '../types';
import { afterStaffOrderWrite } from './order-cache';

export function deliverOrder(id: string): Promise<StaffOrder> {
  return apiFetch<StaffOrder>(`/api/admin/orders/${encodeURIComponent(id)}/deliver`, { method: 'POST' });
}

/** Marks a shipped order delivered. */
export function useDeliverOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deliverOrder, onSuccess: (order) => afterStaffOrderWrite(queryClient, order) });
}
