import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Order } from '../types';

export function getMyOrder(id: string): Promise<Order> {
  return apiFetch<Order>(`/api/fan/orders/${encodeURIComponent(id)}`);
}

/** A payment was started and its verified notification has not come yet. */
export const awaitingPayment = (order: Order | undefined) => order?.status === 'pending_payment' && order.paymentStatus === 'pending';

/**
 * One of the fan's orders. With `watch` (the fan has just paid) it is asked again every 1.5 s
 * (every 5 s after two minutes) while its payment waits for the provider's notification.
 */
export function useMyOrder(id: string, { watch = false, startedAt = 0 }: { watch?: boolean; startedAt?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.fanOrder(id),
    queryFn: () => getMyOrder(id),
    refetchInterval: (query) => (watch && awaitingPayment(query.state.data) ? (Date.now() - startedAt > 120_000 ? 5_000 : 1_500) : false),
  });
}
