import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { JobRun } from '../types';

/** Starts a background rebuild of every signal and a re-levelling of every fan (what the nightly job does). */
export function recomputeLoyalty(): Promise<JobRun> {
  return apiFetch<JobRun>('/api/admin/loyalty/recompute', { method: 'POST' });
}

export function useRecomputeLoyalty() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recomputeLoyalty, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consoleLoyaltyJobs }) });
}
