import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { CategoryInput, StoreCategory } from '../types';
import { afterStoreWrite } from './store-cache';

/** Renames, re-slugs or moves a category. */
export function updateCategory({ id, input }: { id: string; input: CategoryInput }) {
  return apiFetch<StoreCategory>(`/api/admin/store/categories/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateCategory, onSuccess: () => afterStoreWrite(queryClient) });
}
