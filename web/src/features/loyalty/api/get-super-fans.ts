import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { RankedFanPage } from '../types';

export interface RankedPageParams {
  page: number;
  pageSize: number;
}

const query = (p: RankedPageParams) => `?page=${p.page}&pageSize=${p.pageSize}`;

/** Super fans, a page at a time (those in their grace period first). */
export function getSuperFans(params: RankedPageParams): Promise<RankedFanPage> {
  return apiFetch<RankedFanPage>(`/api/admin/loyalty/super-fans${query(params)}`);
}

/** Fans of levels 1–3 closest to level 4 first, a page at a time. */
export function getCandidates(params: RankedPageParams): Promise<RankedFanPage> {
  return apiFetch<RankedFanPage>(`/api/admin/loyalty/candidates${query(params)}`);
}

export function useSuperFans(params: RankedPageParams) {
  return useQuery({ queryKey: queryKeys.consoleSuperFans({ ...params }), queryFn: () => getSuperFans(params), placeholderData: keepPreviousData });
}

export function useCandidates(params: RankedPageParams) {
  return useQuery({ queryKey: queryKeys.consoleCandidates({ ...params }), queryFn: () => getCandidates(params), placeholderData: keepPreviousData });
}
