import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminProduct, AdminProductListParams, Page } from '../types';

export function getAdminProducts(params: AdminProductListParams): Promise<Page<AdminProduct>> {
  return apiFetch<Page<AdminProduct>>(`/api/admin/store/products${toQueryString({ ...params, lowStock: params.lowStock ? 'true' : undefined })}`);
}

export function useAdminProducts(params: AdminProductListParams) {
  return useQuery({
    queryKey: queryKeys.consoleStoreProductList({ ...params }),
    queryFn: () => getAdminProducts(params),
    placeholderData: keepPreviousData,
  });
}
