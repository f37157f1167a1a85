import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanListPage } from '../../segments/types';

interface SegmentFansParams {
  page: number;
  pageSize: number;
}

/** A page of the fans a segment matches right now. */
export function getSegmentFans(id: string, params: SegmentFansParams): Promise<FanListPage> {
  return apiFetch<FanListPage>(`/api/admin/segments/${encodeURIComponent(id)}/fans${toQueryString({ ...params })}`);
}

export function useSegmentFans(id: string, params: SegmentFansParams) {
  return useQuery({
    queryKey: queryKeys.consoleSegmentFans(id, { ...params }),
    queryFn: () => getSegmentFans(id, params),
    placeholderData: keepPreviousData,
  });
}
