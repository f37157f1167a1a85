import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { RecomputeResult } from '../types';
import { afterRelevel } from './relevel-cache';

/** Rebuilds every signal from the activities, then re-levels every fan (what the nightly job does). */
export function recomputeLoyalty(): Promise<RecomputeResult> {
  return apiFetch<RecomputeResult>('/api/admin/loyalty/recompute', { method: 'POST' });
}

export function useRecomputeLoyalty() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: recomputeLoyalty, onSuccess: () => afterRelevel(queryClient) });
}
