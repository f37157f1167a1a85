import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminArticle, ArticleInput } from '../types';
import { afterArticleWrite } from './article-cache';

/** Creates a draft. */
export function createArticle(input: ArticleInput): Promise<AdminArticle> {
  return apiFetch<AdminArticle>('/api/admin/articles', { method: 'POST', body: input });
}

export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createArticle,
    onSuccess: (article) => afterArticleWrite(queryClient, article, article.id),
  });
}
