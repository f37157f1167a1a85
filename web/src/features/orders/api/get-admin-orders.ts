import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminOrderListParams, Page, StaffOrderSummary } from '../types';

export function getAdminOrders(params: AdminOrderListParams): Promise<Page<StaffOrderSummary>> {
  return apiFetch<Page<StaffOrderSummary>>(`/api/admin/orders${toQueryString({ ...params })}`);
}

/** The store's orders for staff, newest first, by status, channel, number or fan, and day range. */
export function useAdminOrders(params: AdminOrderListParams) {
  return useQuery({ queryKey: queryKeys.consoleOrderList({ ...params }), queryFn: () => getAdminOrders(params), placeholderData: keepPreviousData });
}
