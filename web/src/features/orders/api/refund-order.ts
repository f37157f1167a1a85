import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { StaffOrder } from '../types';
import { afterStaffOrderWrite } from './order-cache';

export interface RefundOrderInput {
  id: string;
  /** Omitted: the whole order. */
  lines?: { lineId: string; quantity: number }[];
  reason: string;
}

export function refundOrder({ id, ...body }: RefundOrderInput): Promise<StaffOrder> {
  return apiFetch<StaffOrder>(`/api/admin/orders/${encodeURIComponent(id)}/refund`, { method: 'POST', body });
}

/** Refunds a paid order, whole or some of its lines, through its payment's provider. */
export function useRefundOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: refundOrder, onSuccess: (order) => afterStaffOrderWrite(queryClient, order) });
}
