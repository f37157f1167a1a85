import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { Checkout, CheckoutInput } from '../types';
import { afterFanOrderWrite } from './order-cache';

export function checkout(input: CheckoutInput, idempotencyKey: string): Promise<Checkout> {
  return apiFetch<Checkout>('/api/fan/checkout', { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/**
 * Turns the cart into an order and starts its payment. The caller keeps one idempotency key per
 * checkout attempt: a double click or a retry sends the same key and gets the same order back.
 */
export function useCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CheckoutInput; idempotencyKey: string }) => checkout(input, idempotencyKey),
    onSuccess: (result) => afterFanOrderWrite(queryClient, result.order),
  });
}
