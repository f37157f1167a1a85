import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { KindComparison } from '../types';

export function getKindComparison(): Promise<KindComparison> {
  return apiFetch<KindComparison>('/api/admin/articles/comparison');
}

export function useKindComparison() {
  return useQuery({ queryKey: queryKeys.consoleArticleComparison, queryFn: getKindComparison });
}
