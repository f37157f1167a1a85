import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { CreatedToken } from '../token-types';

export function createToken(name: string): Promise<CreatedToken> {
  return apiFetch<CreatedToken>('/api/admin/tokens', { method: 'POST', body: { name } });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.consoleTokens }),
  });
}
