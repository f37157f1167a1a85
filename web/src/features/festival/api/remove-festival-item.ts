import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival } from '../types';
import { useFestivalMutation } from './festival-cache';

/** Removes an item (published: its quota goes back to the store). */
export function removeFestivalItem({ id, itemId }: { id: string; itemId: string }) {
  return apiFetch<AdminFestival>(`/api/admin/festivals/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}`, { method: 'DELETE' });
}
export const useRemoveFestivalItem = () => useFestivalMutation(removeFestivalItem);
