import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Gift, GiftCheckout, Interval, MyGifts } from '../fan-types';

/** Gifts waiting for the signed-in fan's email, and the ones they gave. */
export function useMyGifts(options: { enabled: boolean }) {
  return useQuery({ queryKey: queryKeys.fanGifts, queryFn: () => apiFetch<MyGifts>('/api/fan/membership/gifts'), enabled: options.enabled });
}

/** One gift the fan gave, asked again every 2 s until its payment has come in (or not). */
export function useGift(id: string | null) {
  return useQuery({
    queryKey: [...queryKeys.fanGifts, id ?? ''],
    queryFn: () => apiFetch<Gift>(`/api/fan/membership/gifts/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (!query.state.data || query.state.data.status === 'pending' ? 2_000 : false),
  });
}

export function useBuyGift() {
  return useMutation({
    mutationFn: (input: { tierId: string; interval: Interval; recipientEmail: string; message?: string }) =>
      apiFetch<GiftCheckout>('/api/fan/membership/gifts', { method: 'POST', body: input }),
  });
}

export function useClaimGift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Gift>(`/api/fan/membership/gifts/${id}/claim`, { method: 'POST' }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fanGifts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.fanMembership }),
        // Members-only articles open without a reload.
        queryClient.invalidateQueries({ queryKey: queryKeys.articles }),
      ]);
    },
  });
}
