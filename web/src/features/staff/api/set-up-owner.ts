import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { SetupInput, StaffMember } from '../types';

/** Creates the owner; only allowed while the console has no staff at all. */
export function setUpOwner(input: SetupInput): Promise<{ staff: StaffMember }> {
  return apiFetch<{ staff: StaffMember }>('/api/console/setup', { method: 'POST', body: input });
}

export function useSetUpOwner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUpOwner,
    onSuccess: ({ staff }) => {
      queryClient.setQueryData(queryKeys.consoleSetup, { needsSetup: false });
      queryClient.setQueryData(queryKeys.consoleMe, staff);
    },
  });
}
