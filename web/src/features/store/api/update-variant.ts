import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminVariant, VariantInput } from '../types';
import { afterStoreWrite } from './store-cache';

/** Replaces a variant's fields (stock never below what checkouts hold). */
export function updateVariant({ id, input }: { id: string; input: VariantInput }) {
  return apiFetch<AdminVariant>(`/api/admin/store/variants/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdateVariant() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateVariant, onSuccess: () => afterStoreWrite(queryClient) });
}
