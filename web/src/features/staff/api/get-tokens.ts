import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ApiToken } from '../token-types';

export function getTokens(): Promise<{ items: ApiToken[] }> {
  return apiFetch<{ items: ApiToken[] }>('/api/admin/tokens');
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.consoleTokens, queryFn: getTokens });
}
