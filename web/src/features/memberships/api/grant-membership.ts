import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { CompInput, FanMembership } from '../types';
import { afterMembershipWrite } from './membership-cache';

/**
 * A complimentary period of a tier (nothing to pay). 409 `membership.tier_conflict` when the fan
 * is a member of another tier now; `membership.tier_archived` for a tier no longer offered.
 */
export function grantMembership(fanId: string, input: CompInput): Promise<FanMembership> {
  return apiFetch<FanMembership>(`/api/admin/fans/${encodeURIComponent(fanId)}/membership/comps`, { method: 'POST', body: input });
}

export function useGrantMembership(fanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompInput) => grantMembership(fanId, input),
    onSuccess: (membership) => {
      queryClient.setQueryData(queryKeys.consoleFanMembership(fanId), membership);
      return afterMembershipWrite(queryClient, fanId);
    },
  });
}
