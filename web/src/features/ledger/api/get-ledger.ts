import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { LedgerAccount, LedgerBalance, LedgerPage } from '../types';

export function useLedgerBalances() {
  return useQuery({ queryKey: queryKeys.consoleLedgerBalances, queryFn: () => apiFetch<{ items: LedgerBalance[] }>('/api/admin/ledger/balances') });
}

export type LedgerListParams = { account?: LedgerAccount; page: number; pageSize: number };

export function useLedgerTransactions(params: LedgerListParams) {
  return useQuery({
    queryKey: queryKeys.consoleLedgerTransactions(params),
    queryFn: () => {
      const query = new URLSearchParams({ page: String(params.page), pageSize: String(params.pageSize) });
      if (params.account) query.set('account', params.account);
      return apiFetch<LedgerPage>(`/api/admin/ledger/transactions?${query.toString()}`);
    },
    placeholderData: keepPreviousData,
  });
}
