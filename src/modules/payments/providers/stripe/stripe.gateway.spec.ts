import { describe, expect, it } from 'vitest';
import { signStripe, stripeEvent, useStripeApi } from '../../../../../test/stripe-api.ts';
import type { Ctx } from '../../../../core/context.ts';
import { AppError } from '../../../../core/errors.ts';
import type { NewProviderPayment } from '../../payment-provider.ts';
import { STRIPE_API_VERSION } from './stripe-client.ts';
import { createStripeGateway } from './stripe.gateway.ts';

/** The gateway reads nothing of the context. */
const ctx = {} as Ctx;
const PAYMENT_ID = '0193a5c2-7d1e-7000-8000-00000000abcd';
const payment = (over: Partial<NewProviderPayment> = {}): NewProviderPayment => ({
  paymentId: PAYMENT_ID,
  amountMinor: 1_990,
  currency: 'CNY',
  description: 'Gold membership, 1 month',
  returnUrl: '/membership',
  ...over,
});

describe('the Stripe gateway against a local Stripe API', () => {
  const api = useStripeApi();
  const gateway = () => createStripeGateway({ ...api.options(), publicBaseUrl: 'https://fans.example.com' });
  const verify = (body: string) => gateway().verifyNotification({ headers: signStripe(body), body, now: new Date() });

  it('opens a Checkout Session for a one-off payment, in the pinned API version, once per payment', async () => {
    const { providerPaymentId, action } = await gateway().createPayment(ctx, payment({ payer: { email: 'fiona@example.com' } }));
    expect(providerPaymentId).toMatch(/^cs_test_/);
    expect(action).toEqual({ kind: 'redirect', url: `https://checkout.stripe.com/c/pay/${providerPaymentId}` });
    expect(api.requests).toHaveLength(1);
    const [sent] = api.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions' });
    expect(sent!.form).toEqual({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'cny',
      'line_items[0][price_data][unit_amount]': '1990',
      'line_items[0][price_data][product_data][name]': 'Gold membership, 1 month',
      client_reference_id: PAYMENT_ID,
      'metadata[payment_id]': PAYMENT_ID,
      'payment_intent_data[metadata][payment_id]': PAYMENT_ID,
      success_url: 'https://fans.example.com/membership',
      cancel_url: 'https://fans.example.com/membership',
      customer_email: 'fiona@example.com',
    });
    expect(sent!.headers).toMatchObject({
      'stripe-version': STRIPE_API_VERSION,
      'idempotency-key': PAYMENT_ID,
      authorization: `Bearer ${api.options().secretKey}`,
    });
  });

  it('passes a zero-decimal currency as is: 1990 JPY is ¥1990, as in our minor units', async () => {
    await gateway().createPayment(ctx, payment({ currency: 'JPY', returnUrl: 'https://elsewhere.example.com/back' }));
    expect(api.requests[0]!.form).toMatchObject({
      'line_items[0][price_data][currency]': 'jpy',
      'line_items[0][price_data][unit_amount]': '1990',
      success_url: 'https://elsewhere.example.com/back',
    });
  });

  it('opens a subscription for a recurring payment, and stops it renewing at the end of the period', async () => {
    const g = gateway();
    expect(g.recurring).toBe(true);
    await g.createPayment(ctx, payment({ recurring: { interval: 'year' } }));
    const { form } = api.requests[0]!;
    expect(form).toMatchObject({
      mode: 'subscription',
      'line_items[0][price_data][recurring][interval]': 'year',
      'line_items[0][price_data][unit_amount]': '1990',
      'subscription_data[metadata][payment_id]': PAYMENT_ID,
      'metadata[payment_id]': PAYMENT_ID,
    });
    expect(Object.keys(form).some((k) => k.startsWith('payment_intent_data'))).toBe(false);
    await g.cancelRecurring!(ctx, { subscriptionId: 'sub_test_42' });
    expect(api.requests[1]).toMatchObject({ method: 'POST', path: '/v1/subscriptions/sub_test_42', form: { cancel_at_period_end: 'true' } });
  });

  it('refunds the PaymentIntent of a subscription through its first invoice', async () => {
    const { providerPaymentId } = await gateway().createPayment(ctx, payment({ recurring: { interval: 'month' } }));
    api.pay(providerPaymentId, { subscription: 'sub_test_7', invoice: 'in_test_first' });
    api.putInvoice({
      id: 'in_test_first',
      object: 'invoice',
      payments: {
        object: 'list',
        data: [{ id: 'inpay_1', object: 'invoice_payment', status: 'paid', payment: { type: 'payment_intent', payment_intent: 'pi_test_first' } }],
      },
    });
    api.requests.length = 0;
    const refundId = '0193a5c2-7d1e-7000-8000-0000000000ff';
    await gateway().refund(ctx, { refundId, paymentId: PAYMENT_ID, providerPaymentId, amountMinor: 500, totalMinor: 2_000, currency: 'CNY' });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/checkout/sessions/${providerPaymentId}`,
      'GET /v1/invoices/in_test_first',
      'POST /v1/refunds',
    ]);
    expect(api.requests[1]!.form).toEqual({ 'expand[0]': 'payments' });
    expect(api.requests[2]!.form).toMatchObject({ payment_intent: 'pi_test_first', amount: '500', 'metadata[refund_id]': refundId });
    expect(api.requests[2]!.headers['idempotency-key']).toBe(refundId);
  });

  it('turns a refusal by Stripe into payment.provider_failed with its code', async () => {
    api.failNext(400, { type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount must be at least ¥4.00 cny' });
    const refused = await gateway()
      .createPayment(ctx, payment({ amountMinor: 1 }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'payment.provider_failed', status: 502, params: { provider: 'stripe', code: 'amount_too_small' } });
    expect((refused as Error).message).toContain('Amount must be at least');
    const missing = await gateway()
      .refund(ctx, { refundId: PAYMENT_ID, paymentId: PAYMENT_ID, providerPaymentId: 'cs_test_nosuch', amountMinor: 1, totalMinor: 1, currency: 'CNY' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'payment.provider_failed', params: { code: 'resource_missing' } });
    // Refusals are final; Stripe out of reach is worth asking again later.
    expect([refused, missing].map((e) => gateway().isTransient?.(e))).toEqual([false, false]);
    const unreachable = createStripeGateway({
      ...api.options(),
      api: { host: '127.0.0.1', port: 9, protocol: 'http' },
      publicBaseUrl: 'https://fans.example.com',
    });
    const offline = await unreachable
      .refund(ctx, { refundId: PAYMENT_ID, paymentId: PAYMENT_ID, providerPaymentId: 'cs_test_1', amountMinor: 1, totalMinor: 1, currency: 'CNY' })
      .catch((e: unknown) => e);
    expect(offline).toMatchObject({ code: 'payment.provider_failed', params: { code: 'StripeConnectionError' } });
    expect(unreachable.isTransient?.(offline)).toBe(true);
  });

  it('labels payments with a test key as test payments, with a live key as real ones', () => {
    expect(gateway().testMode).toBe(true);
    expect(createStripeGateway({ ...api.options(), secretKey: 'sk_live_0123', publicBaseUrl: 'https://fans.example.com' }).testMode).toBe(false);
  });

  it("translates a subscription's renewal (invoice.paid, subscription_cycle) into a renewed notification for the period it pays", () => {
    const invoice = {
      id: 'in_test_cycle2',
      object: 'invoice',
      billing_reason: 'subscription_cycle',
      amount_paid: 1_990,
      currency: 'cny',
      // The invoice's own period is the one before; the line carries the period paid for.
      period_start: 1_767_225_600,
      period_end: 1_769_904_000,
      parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_test_7', metadata: { payment_id: PAYMENT_ID } } },
      lines: { object: 'list', data: [{ id: 'il_1', object: 'line_item', amount: 1_990, currency: 'cny', period: { start: 1_769_904_000, end: 1_772_323_200 } }] },
    };
    const body = stripeEvent('invoice.paid', invoice, 'evt_test_renewal');
    expect(verify(body)).toEqual({
      notificationId: 'evt_test_renewal',
      providerPaymentId: '',
      event: 'renewed',
      amountMinor: 1_990,
      currency: 'CNY',
      subscriptionId: 'sub_test_7',
      chargeId: 'in_test_cycle2',
      periodEnd: new Date(1_772_323_200 * 1000),
    });
    // The first period's invoice is paid through the checkout session, which says so itself.
    expect(verify(stripeEvent('invoice.paid', { ...invoice, billing_reason: 'subscription_create' }, 'evt_test_first'))).toEqual({
      notificationId: 'evt_test_first',
      ignored: expect.stringContaining('subscription_create'),
    });
  });

  it("translates a subscription's completed checkout into paid with its subscription; an unpaid completion is still to come", () => {
    const session = {
      id: 'cs_test_sub',
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'paid',
      amount_total: 1_990,
      currency: 'cny',
      subscription: 'sub_test_7',
    };
    expect(verify(stripeEvent('checkout.session.completed', session, 'evt_test_sub'))).toEqual({
      notificationId: 'evt_test_sub',
      providerPaymentId: 'cs_test_sub',
      event: 'paid',
      amountMinor: 1_990,
      currency: 'CNY',
      subscriptionId: 'sub_test_7',
    });
    const pending = verify(stripeEvent('checkout.session.completed', { ...session, mode: 'payment', payment_status: 'unpaid', subscription: null }));
    expect(pending).toMatchObject({ ignored: expect.stringContaining('payment_status unpaid') });
  });
});
