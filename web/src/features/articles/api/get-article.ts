import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { PublicArticle } from '../types';

/** One published article (404 for drafts and unknown ids). */
export function getArticle(id: string): Promise<PublicArticle> {
  return apiFetch<PublicArticle>(`/api/articles/${encodeURIComponent(id)}`);
}

export function useArticle(id: string) {
  return useQuery({ queryKey: queryKeys.article(id), queryFn: () => getArticle(id) });
}
