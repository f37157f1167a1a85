import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Cart } from '../types';
import { keepCart } from './order-cache';

export function removeCartLine(variantId: string): Promise<Cart> {
  return apiFetch<Cart>(`/api/fan/cart/lines/${encodeURIComponent(variantId)}`, { method: 'DELETE' });
}

/** Takes a variant out of the cart. */
export function useRemoveCartLine() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeCartLine, onSuccess: (cart) => keepCart(queryClient, cart) });
}
