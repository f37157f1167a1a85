import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import type { Segment } from '../../segments/types';

/** After a save: keep the segment the server sent back and refresh the list and its fans. */
export function afterSegmentWrite(queryClient: QueryClient, segment: Segment | null, id: string): void {
  if (segment) queryClient.setQueryData(queryKeys.consoleSegment(id), segment);
  void queryClient.invalidateQueries({
    queryKey: queryKeys.consoleSegments,
    // A deleted segment's detail is left to expire: refetching it under the open page would 404.
    predicate: (query) => query.queryKey[2] !== 'detail' && query.queryKey[2] !== 'preview',
  });
}
