import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PurchaseStatus } from '../fan-types';

/** Still waiting: the purchase's payment has not settled, failed or been canceled yet. */
export const isWaiting = (s: PurchaseStatus | undefined) => !s || (s.purchase.status === 'pending' && (s.paymentStatus === 'pending' || s.paymentStatus === null));

/**
 * A purchase the fan has just paid for, asked again every 1.5 s (every 5 s after two minutes)
 * until the verified notification has settled it, or the payment failed or was canceled.
 */
export function usePurchaseStatus(id: string | null, startedAt: number) {
  return useQuery({
    queryKey: queryKeys.fanMembershipPurchase(id ?? ''),
    queryFn: () => apiFetch<PurchaseStatus>(`/api/fan/membership/purchases/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (isWaiting(query.state.data) ? (Date.now() - startedAt > 120_000 ? 5_000 : 1_500) : false),
  });
}
