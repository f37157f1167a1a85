import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function logOut(): Promise<void> {
  return apiFetch<void>('/api/fan/logout', { method: 'POST' });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSuccess: () => {
      queryClient.setQueryData(queryKeys.fanMe, null);
      queryClient.removeQueries({ queryKey: queryKeys.fanActivities });
      // A members-only body read while signed in stays with the session, not the device.
      void queryClient.resetQueries({ queryKey: queryKeys.articles });
      void queryClient.resetQueries({ queryKey: queryKeys.store });
    },
  });
}
