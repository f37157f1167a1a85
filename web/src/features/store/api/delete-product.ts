import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterStoreWrite } from './store-cache';

/** Only an unpublished product none of whose variants was ordered. */
export function deleteProduct(id: string) {
  return apiFetch<void>(`/api/admin/store/products/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteProduct, onSuccess: (_, id) => afterStoreWrite(queryClient, { deletedId: id }) });
}
