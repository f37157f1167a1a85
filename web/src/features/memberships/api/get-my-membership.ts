import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { MyMembership } from '../fan-types';

/** The signed-in fan's membership and receipts. */
export function useMyMembership(options: { enabled: boolean }) {
  return useQuery({ queryKey: queryKeys.fanMembership, queryFn: () => apiFetch<MyMembership>('/api/fan/membership'), enabled: options.enabled });
}
