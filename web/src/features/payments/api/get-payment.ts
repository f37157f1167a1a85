import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PaymentDetail } from '../types';

export function usePayment(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.consolePayment(id ?? ''),
    queryFn: () => apiFetch<PaymentDetail>(`/api/admin/payments/${id}`),
    enabled: Boolean(id),
  });
}
