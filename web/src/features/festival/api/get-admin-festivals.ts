import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminFestival, FestivalStatus, Page } from '../types';

export type AdminFestivalListParams = { status?: FestivalStatus; page: number; pageSize: number };

export function getAdminFestivals(params: AdminFestivalListParams): Promise<Page<AdminFestival>> {
  return apiFetch<Page<AdminFestival>>(`/api/admin/festivals${toQueryString(params)}`);
}

export function useAdminFestivals(params: AdminFestivalListParams) {
  return useQuery({ queryKey: queryKeys.consoleFestivalList({ ...params }), queryFn: () => getAdminFestivals(params), placeholderData: keepPreviousData });
}
