import { describe, expect, it } from 'vitest';
import { refundTransition, transition } from './payment-transitions.ts';
import { PAYMENT_STATUSES } from './payments.table.ts';

describe('payment transitions: never backwards', () => {
  it('pays a pending, failed or canceled payment, and nothing after a refund', () => {
    expect(PAYMENT_STATUSES.map((s) => [s, transition(s, 'paid').outcome])).toEqual([
      ['pending', 'applied'],
      ['paid', 'duplicate'],
      ['failed', 'applied'],
      ['canceled', 'applied'],
      ['partially_refunded', 'stale'],
      ['refunded', 'stale'],
    ]);
  });
  it('a failure or a cancel after payment changes nothing', () => {
    expect(transition('paid', 'failed')).toEqual({ outcome: 'stale' });
    expect(transition('paid', 'canceled')).toEqual({ outcome: 'stale' });
    expect(transition('pending', 'failed')).toEqual({ outcome: 'applied', status: 'failed' });
    expect(transition('failed', 'canceled')).toEqual({ outcome: 'applied', status: 'canceled' });
    expect(transition('canceled', 'failed')).toEqual({ outcome: 'stale' });
  });
  it('refunds only what was paid, in parts', () => {
    const paid = { status: 'paid' as const, amountMinor: 1_000, refundedMinor: 0 };
    expect(refundTransition(paid, 400)).toEqual({ outcome: 'applied', status: 'partially_refunded', refundedMinor: 400 });
    expect(refundTransition({ ...paid, status: 'partially_refunded', refundedMinor: 400 }, 600)).toEqual({
      outcome: 'applied',
      status: 'refunded',
      refundedMinor: 1_000,
    });
    expect(refundTransition({ ...paid, status: 'partially_refunded', refundedMinor: 400 }, 601).outcome).toBe('stale');
    expect(refundTransition({ ...paid, status: 'pending' }, 1).outcome).toBe('stale');
  });
});
