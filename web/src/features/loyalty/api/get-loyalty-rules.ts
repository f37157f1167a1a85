import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { LoyaltyRules } from '../types';

export function getLoyaltyRules(): Promise<LoyaltyRules> {
  return apiFetch<LoyaltyRules>('/api/admin/loyalty/rules');
}

export function useLoyaltyRules() {
  return useQuery({ queryKey: queryKeys.consoleLoyaltyRules, queryFn: getLoyaltyRules });
}
