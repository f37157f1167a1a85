import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { RankedFanPage } from '../types';

/** Super fans (grace period first) or the candidates closest to level 4. */
export type RankedList = 'super-fans' | 'candidates';

export function getRankedFans(list: RankedList, params: { page: number; pageSize: number }): Promise<RankedFanPage> {
  return apiFetch<RankedFanPage>(`/api/admin/loyalty/${list}?page=${params.page}&pageSize=${params.pageSize}`);
}

/** One ranked list a page at a time: the props its table takes, and the error if it failed. */
export function useRankedFans(list: RankedList, pageSize: number) {
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: queryKeys.consoleRankedFans(list, { page, pageSize }),
    queryFn: () => getRankedFans(list, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
  return {
    error: query.error,
    table: { items: query.data?.items ?? [], total: query.data?.total ?? 0, page, pageSize, onPageChange: setPage, loading: query.isFetching },
  };
}
