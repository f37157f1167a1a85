import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival, ItemTerms } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Changes an item's terms (published: a quota change holds or releases the difference). */
export function updateFestivalItem({ id, itemId, terms }: { id: string; itemId: string; terms: ItemTerms }) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}`, { method: 'PUT', body: terms });
}
export const useUpdateFestivalItem = () => useFestivalMutation(updateFestivalItem);
