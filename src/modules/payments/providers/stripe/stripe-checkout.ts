import type Stripe from 'stripe';
import type { NewProviderPayment } from '../../payment-provider.ts';

/**
 * The Checkout Session for one payment: a single line of `amountMinor` in `currency`, paid once
 * (`payment`) or every interval until canceled (`subscription`). Our payment id rides along as
 * `client_reference_id` and in the metadata of the session, and of the PaymentIntent or the
 * subscription it makes, so each can be traced back from the Stripe dashboard.
 *
 * Stripe's `unit_amount` is in the currency's smallest unit, as our `amountMinor` is: 1990 is
 * ¥19.90 in CNY (fen) and ¥1990 in JPY (a zero-decimal currency for both), so it is passed as is.
 */
export function checkoutSessionParams(payment: NewProviderPayment, returnUrl: string): Stripe.Checkout.SessionCreateParams {
  const metadata = { payment_id: payment.paymentId };
  const recurring = payment.recurring;
  return {
    mode: recurring ? 'subscription' : 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: payment.currency.toLowerCase(),
          unit_amount: payment.amountMinor,
          product_data: { name: payment.description },
          ...(recurring ? { recurring: { interval: recurring.interval } } : {}),
        },
      },
    ],
    client_reference_id: payment.paymentId,
    metadata,
    ...(recurring ? { subscription_data: { metadata } } : { payment_intent_data: { metadata } }),
    success_url: returnUrl,
    cancel_url: returnUrl,
    ...(payment.payer?.email ? { customer_email: payment.payer.email } : {}),
  };
}
