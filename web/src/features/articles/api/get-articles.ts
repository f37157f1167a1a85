import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ArticlePage, ArticleSummary } from '../types';

/** Published articles, newest first (the fan site's feed). */
export function getArticles(page: number, pageSize: number): Promise<ArticlePage<ArticleSummary>> {
  return apiFetch<ArticlePage<ArticleSummary>>(`/api/articles${toQueryString({ page, pageSize })}`);
}

export function useArticles({ page, pageSize }: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: queryKeys.articleFeed({ page, pageSize }),
    queryFn: () => getArticles(page, pageSize),
    placeholderData: keepPreviousData,
  });
}
