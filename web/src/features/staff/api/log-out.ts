import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function logOut(): Promise<void> {
  return apiFetch<void>('/api/console/logout', { method: 'POST' });
}

export function useStaffLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => queryClient.removeQueries({ queryKey: queryKeys.console }),
  });
}
