import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterFanTagsWrite } from '../../segments/api/fan-tags-cache';

export function removeFanTag({ fanId, tag }: { fanId: string; tag: string }): Promise<{ tags: string[] }> {
  return apiFetch<{ tags: string[] }>(`/api/admin/fans/${encodeURIComponent(fanId)}/tags/${encodeURIComponent(tag)}`, { method: 'DELETE' });
}

export function useRemoveFanTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeFanTag,
    onSuccess: ({ tags }, { fanId }) => afterFanTagsWrite(queryClient, fanId, tags),
  });
}
