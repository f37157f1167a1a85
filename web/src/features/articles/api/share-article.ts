import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ShareLink } from '../types';

/** The signed-in fan's share link for an article (the same link each time). */
export function shareArticle(id: string): Promise<ShareLink> {
  return apiFetch<ShareLink>(`/api/articles/${encodeURIComponent(id)}/shares`, { method: 'POST' });
}

export function useShareArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: shareArticle,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.fanActivities }),
  });
}
