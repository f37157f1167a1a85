import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Segment } from '../../segments/types';

/** Saved segments, each with its live count. */
export function getSegments(): Promise<{ items: Segment[] }> {
  return apiFetch<{ items: Segment[] }>('/api/admin/segments');
}

export function useSegments() {
  return useQuery({ queryKey: queryKeys.consoleSegmentList, queryFn: getSegments });
}
