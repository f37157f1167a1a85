import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { StaffOrder } from '../types';
import { afterStaffOrderWrite } from './order-cache';

export function staffCancelOrder(input: { id: string; note: string }): Promise<StaffOrder> {
  return apiFetch<StaffOrder>(`/api/admin/orders/${encodeURIComponent(input.id)}/cancel`, { method: 'POST', body: { note: input.note } });
}

/** Staff cancel an order (its stock goes back). */
export function useStaffCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: staffCancelOrder, onSuccess: (order) => afterStaffOrderWrite(queryClient, order) });
}
