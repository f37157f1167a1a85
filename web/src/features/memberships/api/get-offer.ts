import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { MembershipOffer } from '../fan-types';

/** The tiers on offer and how paying works here (visitors see it too). */
export function useMembershipOffer() {
  return useQuery({ queryKey: queryKeys.membershipOffer, queryFn: () => apiFetch<MembershipOffer>('/api/memberships/offer') });
}
