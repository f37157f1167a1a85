import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Checkout } from '../types';
import { afterFanOrderWrite } from './order-cache';

export function payOrder(id: string): Promise<Checkout> {
  return apiFetch<Checkout>(`/api/fan/orders/${encodeURIComponent(id)}/pay`, { method: 'POST' });
}

/** Starts a (new) payment of an order waiting for one: what the fan does next to pay. */
export function usePayOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: payOrder, onSuccess: (result) => afterFanOrderWrite(queryClient, result.order) });
}
