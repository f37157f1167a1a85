import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterFanTagsWrite } from '../../segments/api/fan-tags-cache';

/** Adds a tag (adding one the fan already has changes nothing); answers the fan's tags. */
export function addFanTag({ fanId, tag }: { fanId: string; tag: string }): Promise<{ tags: string[] }> {
  return apiFetch<{ tags: string[] }>(`/api/admin/fans/${encodeURIComponent(fanId)}/tags`, { method: 'POST', body: { tag } });
}

export function useAddFanTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addFanTag,
    onSuccess: ({ tags }, { fanId }) => afterFanTagsWrite(queryClient, fanId, tags),
  });
}
