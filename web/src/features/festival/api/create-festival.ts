import { apiFetch } from '../../../lib/api-client';
import type { AdminFestival, FestivalInput } from '../types';
import { useFestivalMutation } from './festival-cache';

/** A new draft festival. */
export function createFestival(input: FestivalInput) {
  return apiFetch<AdminFestival>('/api/admin/festivals', { method: 'POST', body: input });
}
export const useCreateFestival = () => useFestivalMutation(createFestival);
