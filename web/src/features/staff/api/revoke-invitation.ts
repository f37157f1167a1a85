import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function revokeInvitation(id: string): Promise<void> {
  return apiFetch<void>(`/api/admin/staff/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.consoleInvitations }),
  });
}
