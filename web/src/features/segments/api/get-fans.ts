import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, toQueryString } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanListPage, FanListParams } from '../../segments/types';

export function getFans(params: FanListParams): Promise<FanListPage> {
  const query = toQueryString({ q: params.q, status: params.status, page: params.page, pageSize: params.pageSize });
  return apiFetch<FanListPage>(`/api/admin/fans${query}`);
}

export function useFans(params: FanListParams) {
  return useQuery({
    queryKey: queryKeys.consoleFanList({ ...params }),
    queryFn: () => getFans(params),
    placeholderData: keepPreviousData,
  });
}
