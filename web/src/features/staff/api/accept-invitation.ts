import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffMember } from '../types';

export function acceptInvitation(token: string, password: string): Promise<{ staff: StaffMember }> {
  return apiFetch<{ staff: StaffMember }>(`/api/console/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body: { password },
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => acceptInvitation(token, password),
    onSuccess: ({ staff }) => {
      queryClient.removeQueries({ queryKey: queryKeys.console });
      queryClient.setQueryData(queryKeys.consoleMe, staff);
      queryClient.removeQueries({ queryKey: queryKeys.invitationPreview(token) });
    },
  });
}
