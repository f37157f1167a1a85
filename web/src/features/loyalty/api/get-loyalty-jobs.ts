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

/** "id:status" of each run, so any change of run or of state is seen. */
const runKey = (jobs: LoyaltyJobs | undefined) => (jobs ? [jobs.relevel, jobs.recompute].map((r) => (r ? `${r.id}:${r.status}` : '-')).join('|') : null);

/**
 * Polls once a second while a run is queued or going. When a run finishes (even one that was
 * queued and done between two polls), everything that shows levels is refreshed.
 */
export function useLoyaltyJobs() {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: queryKeys.consoleLoyaltyJobs,
    queryFn: getLoyaltyJobs,
    refetchInterval: (q) => (isActiveRun(q.state.data?.relevel) || isActiveRun(q.state.data?.recompute) ? 1000 : false),
  });
  const key = runKey(jobs.data);
  const active = isActiveRun(jobs.data?.relevel) || isActiveRun(jobs.data?.recompute);
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    if (previous.current !== null && previous.current !== key && !active) void afterRelevel(queryClient);
    previous.current = key;
  }, [key, active, queryClient]);
  return jobs;
}
