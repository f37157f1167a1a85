import type { Purchase } from '../types';

/** What became of a purchase, as staff read it. */
export type PurchaseState = 'pending' | 'paid' | 'refunded' | 'comp' | 'covered';

export function purchaseState(p: Purchase): PurchaseState {
  if (p.kind === 'comp') return 'comp';
  if (p.status === 'pending') return 'pending';
  if (p.refundedAt) return 'refunded';
  // An upgrade the unused time paid for in full: nothing went through a provider.
  return p.amountMinor === 0 || !p.paymentId ? 'covered' : 'paid';
}

/** A period paid through a provider and not refunded yet: staff may refund it. */
export function isRefundable(p: Purchase): boolean {
  return purchaseState(p) === 'paid';
}
