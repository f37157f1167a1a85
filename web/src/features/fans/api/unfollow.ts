import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, isApiError, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanSelf } from '../types';

/** Unfollow the channel; `source` says where it happened ("article:…" on an article page). */
export function unfollow(source?: string): Promise<FanSelf> {
  return apiFetch<FanSelf>(`/api/fan/follow${toQueryString({ source })}`, { method: 'DELETE' });
}

export function useUnfollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unfollow,
    onSuccess: (fan) => {
      queryClient.setQueryData(queryKeys.fanMe, fan);
      void queryClient.invalidateQueries({ queryKey: queryKeys.channel });
      void queryClient.invalidateQueries({ queryKey: queryKeys.fanActivities });
    },
    onError: (error) => {
      // The session ended meanwhile: show the signed-out face again.
      if (isApiError(error) && error.status === 401) queryClient.setQueryData(queryKeys.fanMe, null);
    },
  });
}
