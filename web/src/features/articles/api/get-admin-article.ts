import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminArticle } from '../types';

export function getAdminArticle(id: string): Promise<AdminArticle> {
  return apiFetch<AdminArticle>(`/api/admin/articles/${encodeURIComponent(id)}`);
}

export function useAdminArticle(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.consoleArticle(id ?? ''),
    queryFn: () => getAdminArticle(id ?? ''),
    enabled: Boolean(id),
  });
}
