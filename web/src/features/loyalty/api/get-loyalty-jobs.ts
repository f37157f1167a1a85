import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { isActiveRun, type LoyaltyJobs } from '../types';
import { afterRelevel } from './relevel-cache';

/** The latest re-levelling and recompute runs, and the last finished recompute. */
export function getLoyaltyJobs(): Promise<LoyaltyJobs> {
  return apiFetch<LoyaltyJobs>('/api/admin/loyalty/jobs');
}

/**
 * Polls once a second while a run is queued or going; when one finishes, everything that shows
 * levels is refreshed.
 */
export function useLoyaltyJobs() {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: queryKeys.consoleLoyaltyJobs,
    queryFn: getLoyaltyJobs,
    refetchInterval: (q) => (isActiveRun(q.state.data?.relevel) || isActiveRun(q.state.data?.recompute) ? 1000 : false),
  });
  const active = isActiveRun(jobs.data?.relevel) || isActiveRun(jobs.data?.recompute);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void afterRelevel(queryClient);
    wasActive.current = active;
  }, [active, queryClient]);
  return jobs;
}
