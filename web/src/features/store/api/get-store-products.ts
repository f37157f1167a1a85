import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Page, ShelfProduct } from '../types';

export interface ShelfParams {
  /** A category's slug. */
  category?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function getStoreProducts(params: ShelfParams): Promise<Page<ShelfProduct>> {
  return apiFetch<Page<ShelfProduct>>(`/api/store/products${toQueryString({ ...params })}`);
}

/** Published products priced for the reader, newest first, by category and search. */
export function useStoreProducts(params: ShelfParams) {
  return useQuery({ queryKey: queryKeys.storeProducts({ ...params }), queryFn: () => getStoreProducts(params), placeholderData: keepPreviousData });
}
