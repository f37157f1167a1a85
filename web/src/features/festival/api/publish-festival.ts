import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Publishes: holds each item's quota out of the store's stock. */
export function publishFestival(id: string) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}/publish`, { method: 'POST' });
}
export const usePublishFestival = () => useFestivalMutation(publishFestival);
