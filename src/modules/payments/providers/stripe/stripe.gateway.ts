import { providerFailureCode, type PaymentProvider } from '../../payment-provider.ts';
import { checkoutSessionParams } from './stripe-checkout.ts';
import { createStripeClient, isTestKey, type StripeOptions } from './stripe-client.ts';
import { callStripe, providerFailed } from './stripe-errors.ts';
import { translateStripeEvent } from './stripe-events.ts';
import { bodyMalformed, constructStripeEvent, STRIPE_SIGNATURE_HEADER } from './stripe-webhook.ts';

export const STRIPE = 'stripe';

/** Failures worth asking again: no answer, Stripe's own error, a rate limit or a lock time-out (as `callStripe` names them). */
const TRANSIENT_CODES = new Set(['StripeConnectionError', 'StripeAPIError', 'api_error', 'rate_limit', 'StripeRateLimitError', 'lock_timeout']);

/**
 * Stripe Checkout: a payment is a Checkout Session the fan is redirected to (a one-off payment,
 * or a subscription when `recurring`); it is confirmed by the signed webhook events Stripe sends
 * to `/api/payments/notifications/stripe`. Talks to Stripe and translates its events, nothing
 * more: the payments service stores and applies them.
 */
export function createStripeGateway(options: StripeOptions & { publicBaseUrl: string }): PaymentProvider {
  const stripe = createStripeClient(options);

  /** The PaymentIntent a checkout session was paid with: its own, or its first invoice's for a subscription. */
  async function paymentIntentOf(sessionId: string): Promise<string> {
    const session = await callStripe(() => stripe.checkout.sessions.retrieve(sessionId));
    const own = idOf(session.payment_intent);
    if (own) return own;
    const invoiceId = idOf(session.invoice);
    if (invoiceId) {
      const invoice = await callStripe(() => stripe.invoices.retrieve(invoiceId, { expand: ['payments'] }));
      const paid = invoice.payments?.data.find((p) => p.status === 'paid');
      const viaInvoice = idOf(paid?.payment.payment_intent);
      if (viaInvoice) return viaInvoice;
    }
    throw providerFailed('payment_intent_missing', `checkout session ${sessionId} has no payment to refund`);
  }

  return {
    name: STRIPE,
    testMode: isTestKey(options.secretKey),
    recurring: true,

    async createPayment(_ctx, payment) {
      const returnUrl = new URL(payment.returnUrl, `${options.publicBaseUrl}/`).toString();
      const session = await callStripe(() => stripe.checkout.sessions.create(checkoutSessionParams(payment, returnUrl), { idempotencyKey: payment.paymentId }));
      if (!session.url) throw providerFailed('session_url_missing', `checkout session ${session.id} has no url`);
      return { providerPaymentId: session.id, action: { kind: 'redirect', url: session.url } };
    },

    verifyNotification({ headers, body, now }) {
      const event = constructStripeEvent(stripe, options.webhookSecret, headers[STRIPE_SIGNATURE_HEADER], body, now);
      try {
        return translateStripeEvent(event);
      } catch {
        throw bodyMalformed();
      }
    },

    async refund(_ctx, refund) {
      const paymentIntent = await paymentIntentOf(refund.providerPaymentId);
      await callStripe(() =>
        stripe.refunds.create(
          {
            payment_intent: paymentIntent,
            amount: refund.amountMinor,
            // Read back from refund.created / refund.updated: which of our refunds, of which payment.
            metadata: { refund_id: refund.refundId, payment_id: refund.paymentId, checkout_session: refund.providerPaymentId },
          },
          { idempotencyKey: refund.refundId },
        ),
      );
    },

    async cancelRecurring(_ctx, { subscriptionId }) {
      await callStripe(() => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }));
    },

    isTransient: (err) => TRANSIENT_CODES.has(providerFailureCode(err) ?? ''),
  };
}

const idOf = (v: string | { id: string } | null | undefined): string | undefined => (typeof v === 'string' ? v : v?.id);
