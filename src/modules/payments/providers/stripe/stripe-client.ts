import Stripe from 'stripe';

/**
 * The Stripe API version every request asks for and every webhook endpoint must send. Typed as the
 * SDK's own version, so an SDK upgrade that moves it fails to compile until this line (and the
 * shapes read in stripe-events.ts) are checked against the new version.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

export type StripeOptions = {
  /** STRIPE_SECRET_KEY: `sk_test_…` payments are test payments. */
  secretKey: string;
  /** STRIPE_WEBHOOK_SECRET: the webhook endpoint's signing secret (`whsec_…`). */
  webhookSecret: string;
  /** STRIPE_API_BASE: another address for the API (a proxy; tests' local server). Unset: api.stripe.com. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
};

/**
 * A request to Stripe gives up after this long (the SDK's default is 80 s; a fan or a staff member
 * waits on it) and is retried twice on a network error or a 409/429/5xx, each time with the same
 * idempotency key; a refund that still gets no answer is asked again later on the job queue.
 */
const TIMEOUT_MS = 20_000;

export function createStripeClient(options: StripeOptions): Stripe {
  return new Stripe(options.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 2,
    timeout: TIMEOUT_MS,
    appInfo: { name: 'Fanbase' },
    ...options.api,
  });
}

/** Payments with a test key move no real money. */
export const isTestKey = (secretKey: string) => /^(sk|rk)_test_/.test(secretKey);
