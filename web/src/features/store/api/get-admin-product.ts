import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminProduct } from '../types';

export function getAdminProduct(id: string): Promise<AdminProduct> {
  return apiFetch<AdminProduct>(`/api/admin/store/products/${encodeURIComponent(id)}`);
}

/** One product with every variant; nothing is fetched for a new one (`id` undefined). */
export function useAdminProduct(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.consoleStoreProduct(id ?? ''), queryFn: () => getAdminProduct(id!), enabled: Boolean(id) });
}
