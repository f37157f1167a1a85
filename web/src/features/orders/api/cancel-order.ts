import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Order } from '../types';
import { afterFanOrderWrite } from './order-cache';

export function cancelOrder(id: string): Promise<Order> {
  return apiFetch<Order>(`/api/fan/orders/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {} });
}

/** The fan cancels an order still waiting for payment: its stock goes back. */
export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: cancelOrder, onSuccess: (order) => afterFanOrderWrite(queryClient, order) });
}
