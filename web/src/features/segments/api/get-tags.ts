import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { TagCount } from '../../segments/types';

/** Every tag in use, with how many fans carry it. */
export function getTags(): Promise<{ items: TagCount[] }> {
  return apiFetch<{ items: TagCount[] }>('/api/admin/tags');
}

export function useTags({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.consoleTags, queryFn: getTags, enabled });
}
