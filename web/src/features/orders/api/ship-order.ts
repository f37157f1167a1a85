import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { StaffOrder } from '../types';
import { afterStaffOrderWrite } from './order-cache';

export function shipOrder(input: { id: string; carrier: string; trackingNumber: string }): Promise<StaffOrder> {
  const { id, ...body } = input;
  return apiFetch<StaffOrder>(`/api/admin/orders/${encodeURIComponent(id)}/ship`, { method: 'POST', body });
}

/** Marks a paid order shipped, with the carrier and its tracking number (the fan sees both). */
export function useShipOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: shipOrder, onSuccess: (order) => afterStaffOrderWrite(queryClient, order) });
}
