import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanSelf } from '../types';

/** The signed-in fan, or `null` for a visitor (`/api/fan/session` answers 200 either way: no 401 on every page load). */
export async function getMe(): Promise<FanSelf | null> {
  return (await apiFetch<{ fan: FanSelf | null }>('/api/fan/session')).fan;
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.fanMe, queryFn: getMe });
}
