import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterStoreWrite } from './store-cache';

/** Deletes a category; its products stay. */
export function deleteCategory(id: string) {
  return apiFetch<void>(`/api/admin/store/categories/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteCategory, onSuccess: () => afterStoreWrite(queryClient) });
}
