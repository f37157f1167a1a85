import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Checkout, Interval } from '../fan-types';

/** Buys a period of a tier: what the fan does next to pay. */
export function useCheckout() {
  return useMutation({
    mutationFn: (input: { tierId: string; interval: Interval; autoRenew: boolean }) =>
      apiFetch<Checkout>('/api/fan/membership/checkout', { method: 'POST', body: input }),
  });
}
