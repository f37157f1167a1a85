import Stripe from 'stripe';
import { AppError } from '../../../../core/errors.ts';

/** `payment.provider_failed` with Stripe's error code (`resource_missing`, `amount_too_large`…), its type when it gives none. */
export function providerFailed(code: string, message?: string): AppError<'payment.provider_failed'> {
  return new AppError(
    'payment.provider_failed',
    { provider: 'stripe', code },
    { message: `Stripe did not complete the request (${code})${message ? `: ${message}` : ''}` },
  );
}

/** Runs one call to the Stripe API; its errors (refusals, timeouts, unreachable) become `payment.provider_failed`. */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeError)) throw err;
    throw providerFailed(err.code ?? err.rawType ?? err.type, err.message);
  }
}
