import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Address, Checkout } from '../types';
import { afterFanOrderWrite } from './order-cache';

/** `address`: a festival order has none until its first payment. */
export function payOrder({ id, address }: { id: string; address?: Address }): Promise<Checkout> {
  return apiFetch<Checkout>(`/api/fan/orders/${encodeURIComponent(id)}/pay`, { method: 'POST', ...(address ? { body: { address } } : {}) });
}

/** Starts a (new) payment of an order waiting for one (with the address, when it has none yet): what the fan does next to pay. */
export function usePayOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: payOrder, onSuccess: (result) => afterFanOrderWrite(queryClient, result.order) });
}
