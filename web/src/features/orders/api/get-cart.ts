import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Cart } from '../types';

export function getCart(): Promise<Cart> {
  return apiFetch<Cart>('/api/fan/cart');
}

/** The signed-in fan's cart, priced now (member price, stock problems): ask only for a signed-in fan. */
export function useCart({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.fanCart, queryFn: getCart, enabled });
}
