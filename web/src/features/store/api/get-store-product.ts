import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ShelfProductDetail } from '../types';

export function getStoreProduct(slug: string): Promise<ShelfProductDetail> {
  return apiFetch<ShelfProductDetail>(`/api/store/products/${encodeURIComponent(slug)}`);
}

/** One published product by its slug, priced for the reader (404 for an unpublished or unknown one). */
export function useStoreProduct(slug: string) {
  return useQuery({ queryKey: queryKeys.storeProduct(slug), queryFn: () => getStoreProduct(slug) });
}
