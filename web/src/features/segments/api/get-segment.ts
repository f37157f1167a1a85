import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Segment } from '../../segments/types';

export function getSegment(id: string): Promise<Segment> {
  return apiFetch<Segment>(`/api/admin/segments/${encodeURIComponent(id)}`);
}

export function useSegment(id: string) {
  return useQuery({ queryKey: queryKeys.consoleSegment(id), queryFn: () => getSegment(id) });
}
