import { z } from 'zod';
import { INT8_SAFE_MAX } from '../../../../core/bounds.ts';
import type { IgnoredNotification, VerifiedNotification } from '../../payment-provider.ts';

/**
 * What Fanbase reads of Stripe's events (API version STRIPE_API_VERSION), and nothing more: the
 * rest of each object is left alone, so a field Stripe adds changes nothing here.
 */
const amount = z.number().int().nonnegative().max(INT8_SAFE_MAX);
const currency = z.string().regex(/^[a-zA-Z]{3}$/);
/** An id, or the object it names when expanded. */
const idOf = z.union([z.string(), z.object({ id: z.string() })]).transform((v) => (typeof v === 'string' ? v : v.id));

const stripeEvent = z.object({ id: z.string().min(1).max(255), type: z.string().min(1), data: z.object({ object: z.unknown() }) });

const checkoutSession = z.object({
  id: z.string().min(1),
  mode: z.string(),
  payment_status: z.string(),
  amount_total: amount.nullable(),
  currency: currency.nullable(),
  subscription: idOf.nullable().optional(),
});

const invoice = z.object({
  id: z.string().min(1),
  billing_reason: z.string().nullable(),
  amount_paid: amount,
  currency,
  parent: z.object({ subscription_details: z.object({ subscription: idOf }).nullable().optional() }).nullable(),
  lines: z.object({ data: z.array(z.object({ period: z.object({ end: z.number().int() }) })).min(1) }),
});

/** Refunds made through `refund()` carry our refund id and the checkout session they refund. */
const refund = z.object({
  id: z.string().min(1),
  amount,
  currency,
  status: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
});

type Translated = VerifiedNotification | IgnoredNotification;

function fromSession(eventId: string, object: unknown, event: 'paid' | 'failed' | 'canceled'): Translated {
  const s = checkoutSession.parse(object);
  if (event === 'paid' && s.payment_status !== 'paid') {
    // A delayed method (a bank debit): checkout.session.async_payment_succeeded or _failed follows.
    return { notificationId: eventId, ignored: `checkout session ${s.id} completed with payment_status ${s.payment_status}: its payment is still to come` };
  }
  return {
    notificationId: eventId,
    providerPaymentId: s.id,
    event,
    amountMinor: s.amount_total ?? 0,
    currency: (s.currency ?? '').toUpperCase(),
    ...(s.mode === 'subscription' && s.subscription ? { subscriptionId: s.subscription } : {}),
  };
}

function fromInvoice(eventId: string, object: unknown): Translated {
  const reason = z.object({ id: z.string(), billing_reason: z.string().nullable() }).parse(object);
  // The first period's invoice (`subscription_create`) is paid through its checkout session,
  // whose checkout.session.completed marks the payment paid; only later periods are renewals.
  if (reason.billing_reason !== 'subscription_cycle') {
    return { notificationId: eventId, ignored: `invoice ${reason.id} (${reason.billing_reason ?? 'no billing reason'}) is not a subscription renewal` };
  }
  const i = invoice.parse(object);
  const subscriptionId = i.parent?.subscription_details?.subscription;
  if (!subscriptionId) return { notificationId: eventId, ignored: `invoice ${i.id} names no subscription (parent.subscription_details)` };
  // The invoice's own period_end is the end of the period before; its lines carry the one paid for.
  const periodEnd = Math.max(...i.lines.data.map((l) => l.period.end));
  return {
    notificationId: eventId,
    // Stripe names no checkout session on a renewal: the subscription id says whose it is.
    providerPaymentId: '',
    event: 'renewed',
    amountMinor: i.amount_paid,
    currency: i.currency.toUpperCase(),
    subscriptionId,
    chargeId: i.id,
    periodEnd: new Date(periodEnd * 1000),
  };
}

function fromRefund(eventId: string, object: unknown): Translated {
  const r = refund.parse(object);
  const refundId = r.metadata?.refund_id;
  const session = r.metadata?.checkout_session;
  if (!refundId || !session) return { notificationId: eventId, ignored: `refund ${r.id} was not made through Fanbase (no refund_id in its metadata)` };
  if (r.status !== 'succeeded') return { notificationId: eventId, ignored: `refund ${r.id} is ${r.status ?? 'without a status'}` };
  return { notificationId: eventId, providerPaymentId: session, event: 'refunded', amountMinor: r.amount, currency: r.currency.toUpperCase(), refundId };
}

/**
 * A verified Stripe event in the provider-neutral shape, or why it asks nothing of any payment.
 * Throws a ZodError when it is not a Stripe event of the shape expected.
 */
export function translateStripeEvent(event: unknown): Translated {
  const e = stripeEvent.parse(event);
  switch (e.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return fromSession(e.id, e.data.object, 'paid');
    case 'checkout.session.async_payment_failed':
      return fromSession(e.id, e.data.object, 'failed');
    case 'checkout.session.expired':
      return fromSession(e.id, e.data.object, 'canceled');
    case 'invoice.paid':
      return fromInvoice(e.id, e.data.object);
    // A card refund is usually `succeeded` when created; a slower one becomes so in refund.updated.
    case 'refund.created':
    case 'refund.updated':
      return fromRefund(e.id, e.data.object);
    case 'charge.refunded':
      return { notificationId: e.id, ignored: 'charge.refunded names no refund of ours: refund.created and refund.updated carry each one' };
    default:
      return { notificationId: e.id, ignored: `${e.type} is not an event Fanbase uses` };
  }
}
