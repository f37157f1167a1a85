import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PurchaseRefundInput } from '../types';
import { afterMembershipWrite } from './membership-cache';

/**
 * Asks the provider to refund a bought period in full; the period is taken back once the provider
 * confirms it. 409 `membership.purchase_not_refundable` for a comp, an unpaid or a refunded purchase.
 */
export function refundPurchase(purchaseId: string, input: PurchaseRefundInput): Promise<unknown> {
  return apiFetch(`/api/admin/membership-purchases/${encodeURIComponent(purchaseId)}/refund`, { method: 'POST', body: input });
}

export function useRefundPurchase(fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ purchaseId, reason }: { purchaseId: string; reason?: string }) => refundPurchase(purchaseId, reason ? { reason } : {}),
    onSuccess: () => Promise.all([afterMembershipWrite(queryClient, fanId), queryClient.invalidateQueries({ queryKey: queryKeys.consolePayments })]),
  });
}
