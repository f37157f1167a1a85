import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { LoyaltyRules, LoyaltyRulesInput } from '../types';

/** Replaces the ladder; the server answers at once and re-levels every fan in the background. */
export function updateLoyaltyRules(input: LoyaltyRulesInput): Promise<LoyaltyRules> {
  return apiFetch<LoyaltyRules>('/api/admin/loyalty/rules', { method: 'PUT', body: input });
}

export function useUpdateLoyaltyRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLoyaltyRules,
    onSuccess: (rules) => {
      queryClient.setQueryData(queryKeys.consoleLoyaltyRules, rules);
      return queryClient.invalidateQueries({ queryKey: queryKeys.consoleLoyaltyJobs });
    },
  });
}
