import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminProduct, ProductInput } from '../types';
import { afterStoreWrite } from './store-cache';

/** Replaces the product's details: title, slug, description, images, categories. */
export function updateProduct({ id, input }: { id: string; input: ProductInput }) {
  return apiFetch<AdminProduct>(`/api/admin/store/products/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProduct, onSuccess: (product) => afterStoreWrite(queryClient, { product }) });
}
