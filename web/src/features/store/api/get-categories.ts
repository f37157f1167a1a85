import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StoreCategory } from '../types';

export function getCategories(): Promise<StoreCategory[]> {
  return apiFetch<StoreCategory[]>('/api/admin/store/categories');
}

/** Every category with its product count (staff). */
export function useCategories() {
  return useQuery({ queryKey: queryKeys.consoleStoreCategories, queryFn: getCategories });
}
