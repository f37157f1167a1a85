import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../../test/app.ts';
import { createOwner, signupFan, newPayment as createPayment } from '../../../../../test/factories.ts';
import { signStripe, stripeEvent, useStripeApi } from '../../../../../test/stripe-api.ts';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('payments through Stripe Checkout: a local Stripe API, webhook events signed as Stripe signs them', () => {
  const api = useStripeApi();
  // Read when the app is built, once the local API listens (its port is known only then).
  const t = useTestApp(
    {},
    {
      container: {
        get stripe() {
          return api.options();
        },
      },
    },
  );
  const system = () => t.container.ctx({ kind: 'system' });
  const notify = (body: string, headers: Record<string, string> = signStripe(body)) =>
    t.app.inject({ method: 'POST', url: '/api/payments/notifications/stripe', headers, payload: body });

  async function newPayment(amountMinor?: number, referenceType?: 'membership' | 'order') {
    const { fan, payment, action } = await createPayment(t, amountMinor, referenceType);
    const url = action.kind === 'redirect' ? action.url : '';
    return { fan, payment, action, session: api.session(url.split('/').pop()!) };
  }
  /** The fan paid on Stripe's page; Stripe then sends checkout.session.completed. */
  const completed = (session: Record<string, unknown>, over: Record<string, unknown> = {}, eventId?: string) =>
    stripeEvent('checkout.session.completed', { ...api.pay(session.id as string, { payment_intent: `pi_for_${session.id}` }), ...over }, eventId);
  const status = async (id: string) => (await t.container.services.payments.findById(system(), id))!.status;
  const ledgerBalance = async () =>
    rows<{ account: string; total: string }>(
      await t.database.db.execute(sql`select account, sum(amount_minor)::text as total from ledger_entries group by account order by account`),
    ).map((r) => [r.account, Number(r.total)]);
  const stored = async (notificationId: string) =>
    rows<{ outcome: string; verified: boolean; error: string | null }>(
      await t.database.db.execute(sql`select outcome, verified, error from payment_notifications where notification_id = ${notificationId} order by id`),
    );

  it('sends the fan to Stripe Checkout; the completed session marks the payment paid once and books it; a replay is a duplicate', async () => {
    const { payment, action, session } = await newPayment();
    expect(payment).toMatchObject({ provider: 'stripe', status: 'pending', testMode: true });
    expect(action).toEqual({ kind: 'redirect', url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/) });
    expect(api.requests.at(-1)!.form).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][unit_amount]': '1990',
      'line_items[0][price_data][currency]': 'cny',
    });
    // The body is signed as bytes: a name in Chinese verifies as well as ASCII does.
    const body = completed(session, { customer_details: { name: '张三', email: 'fiona@example.com' } }, 'evt_test_paid');
    expect((await notify(body)).json()).toEqual({ received: true, outcome: 'applied' });
    expect(await status(payment.id)).toBe('paid');
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
    // Stripe delivers at least once: the same event again (re-signed, as a retry is) changes nothing.
    expect((await notify(body)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await stored('evt_test_paid')).map((n) => n.outcome)).toEqual(['applied', 'duplicate']);
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
  });

  it('refuses a tampered body, another secret, a stale signature, a missing one, a signed body that is not an event; stores each, marks nothing', async () => {
    const { payment, session } = await newPayment();
    const body = completed(session, {}, 'evt_test_forged');
    const cases: [string, Record<string, string>, string][] = [
      ['signature_invalid', signStripe(body), body.replace('"amount_total":1990', '"amount_total":1')],
      ['signature_invalid', signStripe(body, { secret: 'whsec_someoneelse' }), body],
      ['timestamp_stale', signStripe(body, { at: new Date(Date.now() - 10 * 60_000) }), body],
      ['signature_missing', { 'content-type': 'application/json' }, body],
      ['body_malformed', signStripe('{"id":"evt_test_forged"'), '{"id":"evt_test_forged"'],
      [
        'body_malformed',
        signStripe('{"id":"evt_test_forged","type":"checkout.session.completed","data":{"object":{}}}'),
        '{"id":"evt_test_forged","type":"checkout.session.completed","data":{"object":{}}}',
      ],
    ];
    for (const [reason, headers, payload] of cases) {
      const res = await notify(payload, headers);
      expect(res.statusCode, reason).toBe(400);
      expect(res.json().error, reason).toMatchObject({ code: 'payment.notification_invalid', params: { reason } });
    }
    expect(await status(payment.id)).toBe('pending');
    const refused = rows<{ outcome: string; verified: boolean; error: string }>(
      await t.database.db.execute(sql`select outcome, verified, error from payment_notifications where body like ${'%evt_test_forged%'} order by id`),
    );
    expect(refused.map((n) => [n.outcome, n.verified, n.error])).toEqual(cases.map(([reason]) => ['rejected', false, reason]));
    expect(await ledgerBalance()).toEqual([]);
  });

  it('marks nothing when Stripe says another amount or currency was paid, and flags the payment for staff', async () => {
    const { payment, session } = await newPayment(5_000, 'order');
    expect((await notify(completed(session, { amount_total: 4_999 }))).json().outcome).toBe('mismatch');
    expect((await notify(completed(session, { currency: 'usd' }))).json().outcome).toBe('mismatch');
    expect(await status(payment.id)).toBe('pending');
    expect((await t.container.services.payments.findById(system(), payment.id))!.mismatchAt).not.toBeNull();
    expect(await ledgerBalance()).toEqual([]);
  });

  it('fails a payment whose delayed method failed, cancels one whose session expired; a delayed method waits for its result', async () => {
    const failed = await newPayment();
    const body = stripeEvent('checkout.session.async_payment_failed', { ...failed.session, status: 'complete', payment_status: 'unpaid' });
    expect((await notify(body)).json().outcome).toBe('applied');
    expect(await status(failed.payment.id)).toBe('failed');

    const expired = await newPayment();
    expect((await notify(stripeEvent('checkout.session.expired', { ...expired.session, status: 'expired' }))).json().outcome).toBe('applied');
    expect(await status(expired.payment.id)).toBe('canceled');

    // A delayed method that succeeds in the end: the completion waits for it, then pays.
    const delayed = await newPayment();
    expect((await notify(stripeEvent('checkout.session.completed', { ...delayed.session, status: 'complete', payment_status: 'unpaid' }))).json().outcome).toBe(
      'ignored',
    );
    expect(await status(delayed.payment.id)).toBe('pending');
    const succeeded = stripeEvent('checkout.session.async_payment_succeeded', { ...api.pay(delayed.session.id as string, { payment_intent: 'pi_delayed' }) });
    expect((await notify(succeeded)).json().outcome).toBe('applied');
    expect(await status(delayed.payment.id)).toBe('paid');
  });

  it('refunds through the Stripe API; the refund counts once Stripe confirms it, and charge.refunded is stored but applies nothing', async () => {
    const { payment, session } = await newPayment(3_000, 'order');
    await notify(completed(session));
    const owner = await createOwner(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/payments/${payment.id}/refunds`,
      headers: { cookie: owner.cookie },
      payload: { amountMinor: 1_000, reason: 'damaged' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const refundId = res.json().id as string;
    const sent = api.requests.find((r) => r.path === '/v1/refunds')!;
    expect(sent.form).toMatchObject({ payment_intent: `pi_for_${session.id}`, amount: '1000', 'metadata[refund_id]': refundId });
    expect(sent.headers['idempotency-key']).toBe(refundId);
    expect(await status(payment.id)).toBe('paid'); // not until Stripe says so

    const refund = { id: 're_test_1', object: 'refund', amount: 1_000, currency: 'cny', status: 'succeeded', payment_intent: `pi_for_${session.id}` };
    const metadata = { refund_id: refundId, payment_id: payment.id, checkout_session: session.id };
    expect(
      (await notify(stripeEvent('charge.refunded', { id: 'ch_test_1', object: 'charge', amount_refunded: 1_000 }, 'evt_test_charge_refunded'))).json(),
    ).toEqual({
      received: true,
      outcome: 'ignored',
    });
    expect((await notify(stripeEvent('refund.created', { ...refund, metadata }))).json().outcome).toBe('applied');
    expect(await status(payment.id)).toBe('partially_refunded');
    // refund.updated for the same refund later: already counted.
    expect((await notify(stripeEvent('refund.updated', { ...refund, metadata }))).json().outcome).toBe('duplicate');
    expect(await ledgerBalance()).toEqual([
      ['provider_clearing', 2_000],
      ['refunds', 1_000],
      ['store_revenue', -3_000],
    ]);
    // A refund someone made in the Stripe dashboard is none of ours: kept for staff, applied to nothing.
    expect((await notify(stripeEvent('refund.created', { ...refund, id: 're_test_dashboard', metadata: {} }))).json().outcome).toBe('ignored');
    expect(await status(payment.id)).toBe('partially_refunded');
  });

  it('answers an event it does not use with 200 and keeps it; its redelivery is a duplicate', async () => {
    const body = stripeEvent(
      'invoice.paid',
      { id: 'in_test_first', object: 'invoice', billing_reason: 'subscription_create', amount_paid: 1_990, currency: 'cny', parent: null, lines: { data: [] } },
      'evt_test_first_invoice',
    );
    const first = await notify(body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, outcome: 'ignored' });
    expect((await notify(body)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await notify(stripeEvent('customer.created', { id: 'cus_test_1', object: 'customer' }, 'evt_test_customer'))).json().outcome).toBe('ignored');
    expect(await stored('evt_test_first_invoice')).toEqual([
      { outcome: 'ignored', verified: true, error: expect.stringContaining('not a subscription renewal') },
      { outcome: 'duplicate', verified: true, error: expect.stringContaining('not a subscription renewal') },
    ]);
    expect(await stored('evt_test_customer')).toEqual([{ outcome: 'ignored', verified: true, error: 'customer.created is not an event Fanbase uses' }]);
  });

  it('answers payment.provider_failed when Stripe refuses, and keeps no refund it refused', async () => {
    const fan = await signupFan(t.app);
    api.failNext(400, { type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount must convert to at least 50 cents' });
    const create = t.container.services.payments.create(system(), {
      fanId: fan.fan.id,
      referenceType: 'order',
      channel: 'store',
      referenceId: 'tiny',
      description: 'Sticker',
      amountMinor: 1,
      currency: 'CNY',
      returnUrl: '/store',
    });
    await expect(create).rejects.toMatchObject({ code: 'payment.provider_failed', params: { provider: 'stripe', code: 'amount_too_small' } });

    const { payment, session } = await newPayment(3_000, 'order');
    await notify(completed(session));
    const owner = await createOwner(t.app);
    api.failNext(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' }, '/v1/refunds');
    const refund = () =>
      t.app.inject({ method: 'POST', url: `/api/admin/payments/${payment.id}/refunds`, headers: { cookie: owner.cookie }, payload: { amountMinor: 3_000 } });
    const refused = await refund();
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error).toMatchObject({ code: 'payment.provider_failed', params: { provider: 'stripe', code: 'charge_already_refunded' } });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/payments/${payment.id}`, headers: { cookie: owner.cookie } })).json();
    expect(detail.refunds).toEqual([]);
    // Nothing was left half-done: the whole amount can still be refunded.
    expect((await refund()).statusCode).toBe(201);
  });
});
