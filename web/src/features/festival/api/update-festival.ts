import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival, FestivalInput } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Replaces the details (dates only before the sale opens). */
export function updateFestival({ id, input }: { id: string; input: FestivalInput }) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}`, { method: 'PUT', body: input });
}
export const useUpdateFestival = () => useFestivalMutation(updateFestival);
