import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Counts one view; for a signed-in fan it is also a `read` on their timeline. */
export function recordArticleView(id: string): Promise<{ uniqueRead: boolean }> {
  return apiFetch<{ uniqueRead: boolean }>(`/api/articles/${encodeURIComponent(id)}/views`, { method: 'POST' });
}

export function useRecordArticleView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordArticleView,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.fanActivities }),
  });
}
