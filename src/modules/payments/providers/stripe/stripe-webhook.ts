import Stripe from 'stripe';
import { AppError } from '../../../../core/errors.ts';

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';
/** A notification signed longer ago than this is refused (a replay of an old capture); Stripe's own default. */
export const STRIPE_TOLERANCE_S = 300;

const invalid = (reason: string) => new AppError('payment.notification_invalid', { reason }, { message: `The notification is not genuine: ${reason}` });

/** The reason for one of the SDK's verification errors; it tells them apart by message only. */
function reasonOf(err: Stripe.errors.StripeSignatureVerificationError): string {
  if (err.message.startsWith('No stripe-signature header')) return 'signature_missing';
  if (err.message.startsWith('Timestamp outside the tolerance zone')) return 'timestamp_stale';
  if (err.message.startsWith('No webhook payload')) return 'body_malformed';
  return 'signature_invalid';
}

/**
 * The event a webhook carries, once its `Stripe-Signature` (HMAC-SHA256 of "t.body" with the
 * endpoint's secret, signed at most STRIPE_TOLERANCE_S before `now`) checked out with the SDK.
 * Throws `payment.notification_invalid` with `signature_missing`, `signature_invalid`,
 * `timestamp_stale` or `body_malformed` (signed, but not JSON).
 */
export function constructStripeEvent(stripe: Stripe, secret: string, header: string | undefined, body: string, now: Date): unknown {
  try {
    // The SDK reads a missing header as undefined, as it should, though its type says string.
    return stripe.webhooks.constructEvent(body, header as string, secret, STRIPE_TOLERANCE_S, undefined, now.getTime());
  } catch (err) {
    if (err instanceof Stripe.errors.StripeSignatureVerificationError) throw invalid(reasonOf(err));
    if (err instanceof SyntaxError) throw invalid('body_malformed');
    throw err;
  }
}

export const bodyMalformed = () => invalid('body_malformed');
