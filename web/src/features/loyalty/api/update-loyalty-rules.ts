import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { LoyaltyRules } from '../types';
import { afterRelevel } from './relevel-cache';

/** Replaces the ladder; the server re-levels every fan before it answers (can take a while). */
export function updateLoyaltyRules(input: LoyaltyRules): Promise<LoyaltyRules> {
  return apiFetch<LoyaltyRules>('/api/admin/loyalty/rules', { method: 'PUT', body: input });
}

export function useUpdateLoyaltyRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLoyaltyRules,
    onSuccess: (rules) => {
      queryClient.setQueryData(queryKeys.consoleLoyaltyRules, rules);
      return afterRelevel(queryClient);
    },
  });
}
