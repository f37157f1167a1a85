import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Back to a draft before the sale opens: the holds go back to the store. */
export function unpublishFestival(id: string) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}/unpublish`, { method: 'POST' });
}
export const useUnpublishFestival = () => useFestivalMutation(unpublishFestival);
