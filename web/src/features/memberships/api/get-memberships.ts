import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { MembershipPage, MembershipStatus } from '../types';

export type MembershipListParams = { status?: MembershipStatus; tierId?: string; page: number; pageSize: number };

/** Memberships, most recently changed first. */
export function getMemberships(params: MembershipListParams): Promise<MembershipPage> {
  return apiFetch<MembershipPage>(`/api/admin/memberships${toQueryString(params)}`);
}

export function useMemberships(params: MembershipListParams) {
  return useQuery({ queryKey: queryKeys.consoleMembershipList(params), queryFn: () => getMemberships(params), placeholderData: keepPreviousData });
}
