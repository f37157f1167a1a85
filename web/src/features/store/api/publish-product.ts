import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminProduct } from '../types';
import { afterStoreWrite } from './store-cache';

/** On the fan store from now on (needs an active variant). */
export function publishProduct(id: string) {
  return apiFetch<AdminProduct>(`/api/admin/store/products/${encodeURIComponent(id)}/publish`, { method: 'POST' });
}

export function usePublishProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: publishProduct, onSuccess: (product) => afterStoreWrite(queryClient, { product }) });
}
