import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminProduct, ProductInput } from '../types';
import { afterStoreWrite } from './store-cache';

/** A new, unpublished product (variants are added on its page). */
export function createProduct(input: ProductInput) {
  return apiFetch<AdminProduct>('/api/admin/store/products', { method: 'POST', body: input });
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createProduct, onSuccess: (product) => afterStoreWrite(queryClient, { product }) });
}
