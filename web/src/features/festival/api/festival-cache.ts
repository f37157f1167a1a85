import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import type { AdminFestival } from '../types';

/** After a festival write: keep what the server sent back, refresh the console's lists and what the fan site cached. */
export function afterFestivalWrite(queryClient: QueryClient, festival: AdminFestival): void {
  queryClient.setQueryData(queryKeys.consoleFestival(festival.id), festival);
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleFestivals, predicate: (q) => !(q.queryKey[2] === 'detail' && q.queryKey[3] === festival.id) });
  // Holds moved the store's available stock.
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleStore });
  void queryClient.invalidateQueries({ queryKey: queryKeys.festivals });
}

/** A mutation answering the festival, kept in the cache. */
export function useFestivalMutation<V>(fn: (vars: V) => Promise<AdminFestival>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (festival) => afterFestivalWrite(queryClient, festival) });
}
