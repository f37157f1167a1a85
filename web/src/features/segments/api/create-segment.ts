import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Segment, SegmentInput } from '../../segments/types';
import { afterSegmentWrite } from '../../segments/api/segment-cache';

/** 409 `segment.name_taken` when another segment has this name. */
export function createSegment(input: SegmentInput): Promise<Segment> {
  return apiFetch<Segment>('/api/admin/segments', { method: 'POST', body: input });
}

export function useCreateSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSegment,
    onSuccess: (segment) => afterSegmentWrite(queryClient, segment, segment.id),
  });
}
