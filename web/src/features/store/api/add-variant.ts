import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminVariant, VariantInput } from '../types';
import { afterStoreWrite } from './store-cache';

/** A new variant of the product (its SKU unique across the store). */
export function addVariant({ productId, input }: { productId: string; input: VariantInput }) {
  return apiFetch<AdminVariant>(`/api/admin/store/products/${encodeURIComponent(productId)}/variants`, { method: 'POST', body: input });
}

export function useAddVariant() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addVariant, onSuccess: () => afterStoreWrite(queryClient) });
}
