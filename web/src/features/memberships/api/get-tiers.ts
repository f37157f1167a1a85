import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffTier } from '../types';

/** Every tier, archived too, lowest rank first, with how many fans hold each. */
export function getTiers(): Promise<StaffTier[]> {
  return apiFetch<StaffTier[]>('/api/admin/membership-tiers');
}

export function useTiers() {
  return useQuery({ queryKey: queryKeys.consoleMembershipTiers, queryFn: getTiers });
}
