import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Cart } from '../types';
import { keepCart } from './order-cache';

export function setCartLine(input: { variantId: string; quantity: number }): Promise<Cart> {
  return apiFetch<Cart>(`/api/fan/cart/lines/${encodeURIComponent(input.variantId)}`, { method: 'PUT', body: { quantity: input.quantity } });
}

/** Puts `quantity` of a variant in the cart (adding it, or changing its line): the cart as it is now. */
export function useSetCartLine() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setCartLine, onSuccess: (cart) => keepCart(queryClient, cart) });
}
