import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { StaffLoginInput, StaffMember } from '../types';

export function logIn(input: StaffLoginInput): Promise<{ staff: StaffMember }> {
  return apiFetch<{ staff: StaffMember }>('/api/console/login', { method: 'POST', body: input });
}

export function useStaffLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: ({ staff }) => {
      queryClient.removeQueries({ queryKey: queryKeys.console });
      queryClient.setQueryData(queryKeys.consoleMe, staff);
    },
  });
}
