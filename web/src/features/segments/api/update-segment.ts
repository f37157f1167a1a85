import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Segment, SegmentInput } from '../../segments/types';
import { afterSegmentWrite } from '../../segments/api/segment-cache';

/** Replaces the name and filter; 409 `segment.name_taken` when another segment has this name. */
export function updateSegment({ id, input }: { id: string; input: SegmentInput }): Promise<Segment> {
  return apiFetch<Segment>(`/api/admin/segments/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}

export function useUpdateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSegment,
    onSuccess: (segment) => afterSegmentWrite(queryClient, segment, segment.id),
  });
}
