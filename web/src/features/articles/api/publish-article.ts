import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminArticle } from '../types';
import { afterArticleWrite } from './article-cache';

/** Makes the article public on the fan site (publishing twice is harmless). */
export function publishArticle(id: string): Promise<AdminArticle> {
  return apiFetch<AdminArticle>(`/api/admin/articles/${encodeURIComponent(id)}/publish`, { method: 'POST' });
}

export function usePublishArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishArticle,
    onSuccess: (article) => afterArticleWrite(queryClient, article, article.id),
  });
}
