import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { CancelReason, Membership } from '../fan-types';

/** Cancels at the period's end, with the reason the fan chose. */
export function useCancelMembership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason: CancelReason; note?: string }) => apiFetch<Membership>('/api/fan/membership/cancel', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.fanMembership }),
  });
}
