import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { CategoryInput, StoreCategory } from '../types';
import { afterStoreWrite } from './store-cache';

/** A new category. */
export function createCategory(input: CategoryInput) {
  return apiFetch<StoreCategory>('/api/admin/store/categories', { method: 'POST', body: input });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCategory, onSuccess: () => afterStoreWrite(queryClient) });
}
