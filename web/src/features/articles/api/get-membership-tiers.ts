import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ReaderTier } from '../types';

/** Every membership tier (archived ones too): what an article's "Who can read" offers. */
export function getMembershipTiers(): Promise<ReaderTier[]> {
  return apiFetch<ReaderTier[]>('/api/admin/membership-tiers');
}

export function useMembershipTiers() {
  return useQuery({ queryKey: queryKeys.consoleMembershipTiers, queryFn: getMembershipTiers });
}
