import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Tier } from '../types';
import { afterMembershipWrite } from './membership-cache';

/** Archived: no longer offered (members keep it until their period ends). Restored: offered again. */
export function setTierArchived(id: string, archived: boolean): Promise<Tier> {
  return apiFetch<Tier>(`/api/admin/membership-tiers/${encodeURIComponent(id)}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}

export function useSetTierArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => setTierArchived(id, archived),
    onSuccess: () => afterMembershipWrite(queryClient),
  });
}
