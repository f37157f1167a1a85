import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterArticleWrite } from './article-cache';

/** Only a draft that was never published; otherwise the API answers 409 `article.was_published`. */
export function deleteArticle(id: string): Promise<void> {
  return apiFetch<void>(`/api/admin/articles/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteArticle,
    onSuccess: (_, id) => afterArticleWrite(queryClient, null, id),
  });
}
