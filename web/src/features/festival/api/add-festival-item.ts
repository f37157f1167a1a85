import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival, ItemTerms } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Adds a SKU (published: its quota is held at once). */
export function addFestivalItem({ id, variantId, terms }: { id: string; variantId: string; terms: ItemTerms }) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}/items`, { method: 'POST', body: { variantId, ...terms } });
}
export const useAddFestivalItem = () => useFestivalMutation(addFestivalItem);
