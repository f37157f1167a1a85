import { useQuery } from '@tanstack/react-query';
import { apiFetch, redirectToConsoleLogin } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffMember } from '../types';

/**
 * The signed-in staff member. Nobody signed in sends the browser to the console login page; the
 * session is asked for with a question that answers 200 either way, so a visitor's page load logs
 * no failed request.
 */
export async function getCurrentStaff(): Promise<StaffMember> {
  const { staff } = await apiFetch<{ staff: StaffMember | null }>('/api/console/session');
  if (staff) return staff;
  redirectToConsoleLogin();
  // The page is on its way to the login page: this query never resolves.
  return new Promise<StaffMember>(() => undefined);
}

export function useCurrentStaff() {
  return useQuery({ queryKey: queryKeys.consoleMe, queryFn: getCurrentStaff, staleTime: 5 * 60_000 });
}
