import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Whether the console still needs its first staff member (the owner). */
export function getSetupStatus(): Promise<{ needsSetup: boolean }> {
  return apiFetch<{ needsSetup: boolean }>('/api/console/setup');
}

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.consoleSetup, queryFn: getSetupStatus, staleTime: 5 * 60_000 });
}
