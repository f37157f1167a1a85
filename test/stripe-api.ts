import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { StripeOptions } from '../src/modules/payments/providers/stripe/stripe-client.ts';
import { STRIPE_API_VERSION } from '../src/modules/payments/providers/stripe/stripe-client.ts';

/** What the SDK sent: the form fields flattened as Stripe reads them (`line_items[0][price_data][unit_amount]`). */
export type StripeRequest = { method: string; path: string; form: Record<string, string>; headers: IncomingHttpHeaders };
type Json = Record<string, unknown>;

export const STRIPE_TEST_KEY = 'sk_test_fanbase0123456789';
export const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_fanbasetestsecret0123456789';

/**
 * A local stand-in for the part of the Stripe API Fanbase calls, answering the documented JSON
 * shapes: POST /v1/checkout/sessions, GET /v1/checkout/sessions/:id, GET /v1/invoices/:id,
 * POST /v1/refunds, POST /v1/subscriptions/:id. It records every request, and answers the next
 * one with a Stripe error when told to.
 */
export function useStripeApi() {
  const requests: StripeRequest[] = [];
  const sessions = new Map<string, Json>();
  const invoices = new Map<string, Json>();
  let failure: { status: number; error: Json; path?: string } | undefined;
  let seq = 0;
  let server: Server;
  const nextId = (prefix: string) => `${prefix}_test_${(++seq).toString().padStart(6, '0')}`;

  function answer(req: StripeRequest): [number, Json] {
    if (failure && (failure.path === undefined || failure.path === req.path)) {
      const f = failure;
      failure = undefined;
      return [f.status, { error: f.error }];
    }
    const missing = (what: string): [number, Json] => [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}` } }];
    const { method, path, form } = req;
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = nextId('cs');
      const session = {
        id,
        object: 'checkout.session',
        livemode: false,
        mode: form.mode,
        status: 'open',
        payment_status: 'unpaid',
        url: `https://checkout.stripe.com/c/pay/${id}`,
        amount_total: Number(form['line_items[0][price_data][unit_amount]']),
        currency: form['line_items[0][price_data][currency]'],
        client_reference_id: form.client_reference_id ?? null,
        customer_email: form.customer_email ?? null,
        metadata: { payment_id: form['metadata[payment_id]'] },
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        payment_intent: null,
        subscription: null,
        invoice: null,
      };
      sessions.set(id, session);
      return [200, session];
    }
    let m = /^\/v1\/checkout\/sessions\/([\w-]+)$/.exec(path);
    if (method === 'GET' && m) return sessions.has(m[1]!) ? [200, sessions.get(m[1]!)!] : missing(`checkout.session: '${m[1]}'`);
    m = /^\/v1\/invoices\/([\w-]+)$/.exec(path);
    if (method === 'GET' && m) return invoices.has(m[1]!) ? [200, invoices.get(m[1]!)!] : missing(`invoice: '${m[1]}'`);
    if (method === 'POST' && path === '/v1/refunds') {
      const metadata = Object.fromEntries(Object.entries(form).flatMap(([k, v]) => (/^metadata\[(\w+)\]$/.test(k) ? [[k.slice(9, -1), v]] : [])));
      return [
        200,
        { id: nextId('re'), object: 'refund', amount: Number(form.amount), currency: 'cny', status: 'succeeded', payment_intent: form.payment_intent, metadata },
      ];
    }
    m = /^\/v1\/subscriptions\/([\w-]+)$/.exec(path);
    if (method === 'POST' && m) return [200, { id: m[1], object: 'subscription', status: 'active', cancel_at_period_end: form.cancel_at_period_end === 'true' }];
    return [404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } }];
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://stripe.test');
        const form = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body)]);
        const recorded = { method: req.method ?? 'GET', path: url.pathname, form, headers: req.headers };
        requests.push(recorded);
        const [status, json] = answer(recorded);
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${seq}` }).end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(() => {
    requests.length = 0;
    failure = undefined;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  return {
    requests,
    /** Options for a Stripe client that talks to this server. */
    options: (): StripeOptions => ({
      secretKey: STRIPE_TEST_KEY,
      webhookSecret: STRIPE_TEST_WEBHOOK_SECRET,
      api: { host: '127.0.0.1', port: (server.address() as AddressInfo).port, protocol: 'http' },
    }),
    /** The fan paid on Stripe's page: the session now has its PaymentIntent (or subscription and first invoice). */
    pay(sessionId: string, paid: { payment_intent?: string; subscription?: string; invoice?: string }) {
      const session = sessions.get(sessionId)!;
      Object.assign(session, { status: 'complete', payment_status: 'paid', ...paid });
      return session;
    },
    session: (id: string) => sessions.get(id)!,
    putInvoice: (invoice: Json & { id: string }) => void invoices.set(invoice.id, invoice),
    /** The next request (to `path`, when given) is answered with this Stripe error. */
    failNext(status: number, error: { type: string; code?: string; message: string }, path?: string) {
      failure = { status, error, path };
    },
  };
}

/** A Stripe event around `object`, as a webhook carries it. */
export function stripeEvent(type: string, object: Json, id = `evt_test_${Math.random().toString(36).slice(2, 14)}`): string {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
}

/** The `Stripe-Signature` header for `body`, signed with `secret` at `at` (default now). */
export function signStripe(body: string, options: { secret?: string; at?: Date } = {}): Record<string, string> {
  const timestamp = Math.floor((options.at ?? new Date()).getTime() / 1000);
  return {
    'content-type': 'application/json; charset=utf-8',
    'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? STRIPE_TEST_WEBHOOK_SECRET, timestamp }),
  };
}
