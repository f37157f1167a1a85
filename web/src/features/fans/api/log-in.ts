import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanLoginInput, FanSelf } from '../types';

export function logIn(input: FanLoginInput): Promise<{ fan: FanSelf }> {
  return apiFetch<{ fan: FanSelf }>('/api/fan/login', { method: 'POST', body: input });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: ({ fan }) => {
      queryClient.setQueryData(queryKeys.fanMe, fan);
      queryClient.removeQueries({ queryKey: queryKeys.fanActivities });
      // Members-only articles open or lock by who reads them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.articles });
      // Store prices are the reader's: a member sees their member price.
      void queryClient.invalidateQueries({ queryKey: queryKeys.store });
    },
  });
}
