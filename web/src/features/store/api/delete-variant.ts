import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { VariantRemoval } from '../types';
import { afterStoreWrite } from './store-cache';

/** Deletes a variant never ordered; an ordered one comes back archived instead. */
export function deleteVariant(id: string) {
  return apiFetch<VariantRemoval>(`/api/admin/store/variants/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteVariant() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteVariant, onSuccess: () => afterStoreWrite(queryClient) });
}
