import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ShelfCategory } from '../types';

export function getStoreCategories(): Promise<ShelfCategory[]> {
  return apiFetch<ShelfCategory[]>('/api/store/categories');
}

/** The categories holding published products, for the store's filter. */
export function useStoreCategories() {
  return useQuery({ queryKey: queryKeys.storeCategories, queryFn: getStoreCategories });
}
