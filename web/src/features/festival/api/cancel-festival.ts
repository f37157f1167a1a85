import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Cancels: a published festival's holds go back to the store. */
export function cancelFestival(id: string) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}
export const useCancelFestival = () => useFestivalMutation(cancelFestival);
