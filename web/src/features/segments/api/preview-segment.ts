import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { SegmentFilter } from '../../segments/types';

/** How many fans a filter matches right now, without saving it. */
export function previewSegment(filter: SegmentFilter, signal?: AbortSignal): Promise<{ count: number }> {
  return apiFetch<{ count: number }>('/api/admin/segments/preview', { method: 'POST', body: { filter }, signal });
}

/** The live count under the filter builder; pass the filter already debounced. */
export function useSegmentPreview(filter: SegmentFilter, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.consoleSegmentPreview({ ...filter }),
    queryFn: ({ signal }) => previewSegment(filter, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    enabled,
  });
}
