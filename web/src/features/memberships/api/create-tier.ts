import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Tier, TierInput } from '../types';
import { afterMembershipWrite } from './membership-cache';

/** 409 `membership.tier_name_taken` / `membership.tier_rank_taken` when another tier has the name or rank. */
export function createTier(input: TierInput): Promise<Tier> {
  return apiFetch<Tier>('/api/admin/membership-tiers', { method: 'POST', body: input });
}

export function useCreateTier() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createTier, onSuccess: () => afterMembershipWrite(queryClient) });
}
