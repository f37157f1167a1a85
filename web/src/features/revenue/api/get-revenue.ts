import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { RevenueParams, RevenueReport } from '../types';

/** Revenue by source per UTC month, in one currency, with the membership figures and ads or members. */
export function getRevenue(params: RevenueParams): Promise<RevenueReport> {
  return apiFetch<RevenueReport>(`/api/admin/revenue${toQueryString({ ...params })}`);
}

export function useRevenue(params: RevenueParams) {
  return useQuery({ queryKey: queryKeys.consoleRevenue({ ...params }), queryFn: () => getRevenue(params), placeholderData: keepPreviousData });
}
