import { useQuery } from '@tanstack/react-query';
import { apiFetch, isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanSelf } from '../types';

/** The signed-in fan, or `null` when nobody is signed in (401 means "logged out" here). */
export async function getMe(): Promise<FanSelf | null> {
  try {
    return await apiFetch<FanSelf>('/api/fan/me', { onUnauthorized: 'throw' });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.fanMe, queryFn: getMe });
}
