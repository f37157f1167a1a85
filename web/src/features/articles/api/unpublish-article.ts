import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { AdminArticle } from '../types';
import { afterArticleWrite } from './article-cache';

/** Back to draft: hidden from fans, stats kept. */
export function unpublishArticle(id: string): Promise<AdminArticle> {
  return apiFetch<AdminArticle>(`/api/admin/articles/${encodeURIComponent(id)}/unpublish`, { method: 'POST' });
}

export function useUnpublishArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unpublishArticle,
    onSuccess: (article) => afterArticleWrite(queryClient, article, article.id),
  });
}
