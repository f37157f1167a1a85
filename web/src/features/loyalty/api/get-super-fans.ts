import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { SuperFans } from '../types';

/** Super fans (those in their grace period first) and the candidates closest to level 4. */
export function getSuperFans(): Promise<SuperFans> {
  return apiFetch<SuperFans>('/api/admin/loyalty/super-fans');
}

export function useSuperFans() {
  return useQuery({ queryKey: queryKeys.consoleSuperFans, queryFn: getSuperFans });
}
