import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Tier, TierInput } from '../types';
import { afterMembershipWrite } from './membership-cache';

/** A new price applies to periods bought from now on; periods already bought keep theirs. */
export function updateTier(id: string, input: Partial<TierInput>): Promise<Tier> {
  return apiFetch<Tier>(`/api/admin/membership-tiers/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function useUpdateTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<TierInput> }) => updateTier(id, input),
    onSuccess: () => afterMembershipWrite(queryClient),
  });
}
