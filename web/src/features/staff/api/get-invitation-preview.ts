import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { InvitationPreview } from '../types';

/** Public: who an invitation link is for, before accepting it. */
export function getInvitationPreview(token: string): Promise<InvitationPreview> {
  return apiFetch<InvitationPreview>(`/api/console/invitations/${encodeURIComponent(token)}`);
}

export function useInvitationPreview(token: string) {
  return useQuery({ queryKey: queryKeys.invitationPreview(token), queryFn: () => getInvitationPreview(token) });
}
