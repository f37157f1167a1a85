import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { staffTierDto } from '@server/modules/memberships/memberships.schemas.ts';
import { apiFetch } from './api-client';
import { queryKeys } from './query-keys';

/** A tier as staff see it (archived ones too). */
export type ConsoleTier = z.infer<typeof staffTierDto>;

/**
 * Every membership tier, archived too, lowest rank first: for the console's choices of a tier
 * outside the memberships pages (segment filters, loyalty rules on the tier's rank). The same
 * query as the memberships pages', so a tier edit there refreshes these too.
 */
export function useConsoleTiers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.consoleMembershipTiers, queryFn: () => apiFetch<ConsoleTier[]>('/api/admin/membership-tiers'), enabled });
}
