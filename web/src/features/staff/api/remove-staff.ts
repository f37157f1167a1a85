import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Owner only: removes a staff member (never the owner). */
export function removeStaff(id: string): Promise<void> {
  return apiFetch<void>(`/api/admin/staff/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useRemoveStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeStaff,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.consoleStaff }),
  });
}
