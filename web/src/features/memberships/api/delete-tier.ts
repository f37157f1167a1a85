import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { afterMembershipWrite } from './membership-cache';

/** Only a tier nobody has held: else 409 `membership.tier_held` (archive it instead). */
export function deleteTier(id: string): Promise<void> {
  return apiFetch<void>(`/api/admin/membership-tiers/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteTier() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteTier, onSuccess: () => afterMembershipWrite(queryClient) });
}
