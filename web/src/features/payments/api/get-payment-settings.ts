import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PaymentSettings } from '../types';

/** The providers (configured or not) and the provider of each channel of sale. */
export function usePaymentSettings() {
  return useQuery({ queryKey: queryKeys.consolePaymentSettings, queryFn: () => apiFetch<PaymentSettings>('/api/admin/payments/settings') });
}
