import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminProduct } from '../types';
import { afterStoreWrite } from './store-cache';

/** Off the fan store at once. */
export function unpublishProduct(id: string) {
  return apiFetch<AdminProduct>(`/api/admin/store/products/${encodeURIComponent(id)}/unpublish`, { method: 'POST' });
}

export function useUnpublishProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: unpublishProduct, onSuccess: (product) => afterStoreWrite(queryClient, { product }) });
}
