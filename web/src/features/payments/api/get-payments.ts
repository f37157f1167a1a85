import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PaymentPage, PaymentStatus } from '../types';

export type PaymentListParams = { status?: PaymentStatus; page: number; pageSize: number };

export function getPayments(params: PaymentListParams): Promise<PaymentPage> {
  const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
  if (params.status) query.set('status', params.status);
  return apiFetch<PaymentPage>(`/api/admin/payments?${query.toString()}`);
}

export function usePayments(params: PaymentListParams) {
  return useQuery({ queryKey: queryKeys.consolePaymentList(params), queryFn: () => getPayments(params), placeholderData: keepPreviousData });
}
