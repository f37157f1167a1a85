import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type ReservationResult = { itemId: string; reserved: boolean; reservations: number };

/** Reserves an item (`reserve: true`) or takes the reservation back; twice is once. */
export function reserveFestivalItem({ slug, itemId, reserve }: { slug: string; itemId: string; reserve: boolean }) {
  return apiFetch<ReservationResult>(`/api/fan/festivals/${encodeURIComponent(slug)}/items/${encodeURIComponent(itemId)}/reservation`, {
    method: reserve ? 'PUT' : 'DELETE',
  });
}

export function useReserveFestivalItem(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reserveFestivalItem,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.festival(slug) }),
  });
}
