import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { OrderSummary, Page } from '../types';

export function getMyOrders(params: { page: number; pageSize: number }): Promise<Page<OrderSummary>> {
  return apiFetch<Page<OrderSummary>>(`/api/fan/orders${toQueryString(params)}`);
}

/** The signed-in fan's orders, newest first. */
export function useMyOrders(params: { page: number; pageSize: number }, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.fanOrderList(params), queryFn: () => getMyOrders(params), placeholderData: keepPreviousData, enabled });
}
