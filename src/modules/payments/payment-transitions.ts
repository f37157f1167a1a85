import type { NotificationEvent } from './payment-provider.ts';
import type { NotificationOutcome, PaymentStatus } from './payments.table.ts';

/**
 * Where a payment may go on a provider's word. Never backwards: once paid, a late `failed` or
 * `canceled` changes nothing, and nothing is `paid` again after a refund. A failed or canceled
 * payment may still be paid (the fan tried again on the same order).
 */
const FROM: Record<Exclude<NotificationEvent, 'refunded' | 'renewed'>, readonly PaymentStatus[]> = {
  paid: ['pending', 'failed', 'canceled'],
  failed: ['pending'],
  canceled: ['pending', 'failed'],
};

export type Transition = { outcome: Extract<NotificationOutcome, 'applied' | 'stale' | 'duplicate'>; status?: PaymentStatus };

/** A payment event other than a refund, on a payment in `status`. */
export function transition(status: PaymentStatus, event: Exclude<NotificationEvent, 'refunded' | 'renewed'>): Transition {
  if (status === event) return { outcome: 'duplicate' };
  return FROM[event].includes(status) ? { outcome: 'applied', status: event } : { outcome: 'stale' };
}

/** A confirmed refund of `amountMinor` on a payment with `refundedMinor` refunded so far. */
export function refundTransition(
  p: { status: PaymentStatus; amountMinor: number; refundedMinor: number },
  amountMinor: number,
): Transition & { refundedMinor?: number } {
  if (p.status !== 'paid' && p.status !== 'partially_refunded') return { outcome: 'stale' };
  const refundedMinor = p.refundedMinor + amountMinor;
  if (refundedMinor > p.amountMinor) return { outcome: 'stale' };
  return { outcome: 'applied', status: refundedMinor === p.amountMinor ? 'refunded' : 'partially_refunded', refundedMinor };
}
