import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanSelf, FanSignupInput } from '../types';

export function signUp(input: FanSignupInput): Promise<{ fan: FanSelf }> {
  return apiFetch<{ fan: FanSelf }>('/api/fan/signup', { method: 'POST', body: input });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: ({ fan }) => {
      queryClient.setQueryData(queryKeys.fanMe, fan);
      void queryClient.invalidateQueries({ queryKey: queryKeys.fanActivities });
      // Members-only articles open or lock by who reads them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.articles });
      // Store prices are the reader's: a member sees their member price.
      void queryClient.invalidateQueries({ queryKey: queryKeys.store });
    },
  });
}
