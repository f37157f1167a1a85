import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterSegmentWrite } from '../../segments/api/segment-cache';

/** Deletes the saved filter only; its fans are not touched. */
export function deleteSegment(id: string): Promise<void> {
  return apiFetch<void>(`/api/admin/segments/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSegment,
    onSuccess: (_, id) => afterSegmentWrite(queryClient, null, id),
  });
}
