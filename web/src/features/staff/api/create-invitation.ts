import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Invitation, InvitationInput } from '../types';

export function createInvitation(input: InvitationInput): Promise<{ invitation: Invitation }> {
  return apiFetch<{ invitation: Invitation }>('/api/admin/staff/invitations', { method: 'POST', body: input });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.consoleInvitations }),
  });
}
