import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminArticle, AdminArticleListParams, ArticlePage } from '../types';

export function getAdminArticles(params: AdminArticleListParams): Promise<ArticlePage<AdminArticle>> {
  const query = toQueryString({ ...params });
  return apiFetch<ArticlePage<AdminArticle>>(`/api/admin/articles${query}`);
}

export function useAdminArticles(params: AdminArticleListParams) {
  return useQuery({
    queryKey: queryKeys.consoleArticleList({ ...params }),
    queryFn: () => getAdminArticles(params),
    placeholderData: keepPreviousData,
  });
}
