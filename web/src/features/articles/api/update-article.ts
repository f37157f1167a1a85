import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminArticle, ArticleInput } from '../types';
import { afterArticleWrite } from './article-cache';

export function updateArticle({ id, input }: { id: string; input: ArticleInput }): Promise<AdminArticle> {
  return apiFetch<AdminArticle>(`/api/admin/articles/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateArticle,
    onSuccess: (article) => afterArticleWrite(queryClient, article, article.id),
  });
}
