import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PaymentProvider } from '../types';

export function usePaymentProviders() {
  return useQuery({ queryKey: queryKeys.consolePaymentProviders, queryFn: () => apiFetch<PaymentProvider[]>('/api/admin/payments/providers') });
}
