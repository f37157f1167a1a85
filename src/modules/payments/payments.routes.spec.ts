import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan, newPayment as createPayment } from '../../../test/factories.ts';
import { SANDBOX_SIGNATURE_HEADER, signSandbox } from './providers/sandbox-signature.ts';
import type { NotificationSender } from './providers/sandbox.gateway.ts';

const SECRET = 'test-sandbox-secret-0123456789abcdef';
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('payments through the sandbox gateway (every notification sent twice, the due ones in reverse order)', () => {
  const t = useTestApp({}, { container: { sandboxSecret: SECRET, sandboxChaos: { duplicate: true, reorder: true } } });
  const system = () => t.container.ctx({ kind: 'system' });
  /** The gateway's deliveries go to the app in-process, as they would over HTTP. */
  const send: NotificationSender = async (headers, body) =>
    (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode;
  const deliver = () => t.container.services.sandbox.deliverDue(system(), send);
  const notify = (body: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers: { 'content-type': 'application/json', ...headers }, payload: body });

  /** A `payment.paid` event body as the sandbox sends it, and the same signed now with the right key. */
  const paidEvent = (id: string, paymentId: string, amountMinor: number, currency = 'CNY') =>
    JSON.stringify({ id, type: 'payment.paid', payment: `sbx_${paymentId}`, amountMinor, currency, createdAt: new Date().toISOString() });
  const signed = (body: string) => ({ [SANDBOX_SIGNATURE_HEADER]: signSandbox(SECRET, body, new Date()) });

  const newPayment = (amountMinor?: number, referenceType?: 'membership' | 'order') => createPayment(t, amountMinor, referenceType);
  const ledgerBalance = async () =>
    rows<{ account: string; total: string }>(
      await t.database.db.execute(sql`select account, sum(amount_minor)::text as total from ledger_entries group by account order by account`),
    ).map((r) => [r.account, Number(r.total)]);
  const status = async (id: string) => (await t.container.services.payments.findById(system(), id))!.status;

  it('pays through the hosted page: the notification arrives asynchronously, marks it paid once and books it in the ledger', async () => {
    const { fan, payment, action } = await newPayment();
    expect(payment).toMatchObject({ status: 'pending', testMode: true, amountMinor: 1_990 });
    expect(action).toEqual({ kind: 'redirect', url: expect.stringMatching(new RegExp(`/sandbox/pay/${payment.id}$`)) });
    const page = await t.app.inject({ method: 'GET', url: `/sandbox/pay/${payment.id}`, headers: { 'accept-language': 'zh-CN' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('测试支付');
    expect(page.body).toContain('¥19.90');
    const paid = await t.app.inject({ method: 'POST', url: `/sandbox/pay/${payment.id}/pay`, headers: { cookie: fan.cookie } });
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe('/membership');
    // Not paid until the gateway's notification has come in.
    expect((await t.app.inject({ method: 'GET', url: `/api/fan/payments/${payment.id}`, headers: { cookie: fan.cookie } })).json().status).toBe('pending');
    expect(await deliver()).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/fan/payments/${payment.id}`, headers: { cookie: fan.cookie } })).json().status).toBe('paid');
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
    expect(await deliver()).toBe(0); // delivered once: nothing left to send
  });

  it('applies each notification once, whatever the duplicates and their order; a late failure never undoes a payment', async () => {
    const { payment } = await newPayment();
    const { sandbox } = t.container.services;
    const row = (await t.container.services.payments.findById(system(), payment.id))!;
    await sandbox.act(system(), row, 'fail');
    await sandbox.act(system(), row, 'pay');
    await sandbox.act(system(), row, 'fail'); // arrives after the payment: stale
    // Sent twice each, in reverse order: fail (late), pay, fail (first).
    expect(await deliver()).toBe(3);
    expect(await status(payment.id)).toBe('paid');
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/admin/payments/${payment.id}`, headers: { cookie: (await createOwner(t.app)).cookie } })
    ).json();
    // Three notifications, each received twice: the second copy of each changed nothing.
    const byId = new Map<string, string[]>();
    for (const n of detail.notifications as { notificationId: string; outcome: string }[])
      byId.set(n.notificationId, [...(byId.get(n.notificationId) ?? []), n.outcome]);
    expect([...byId.values()].map((o) => o.length)).toEqual([2, 2, 2]);
    expect([...byId.values()].every((o) => o[1] === 'duplicate')).toBe(true);
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
  });

  it('refuses a tampered body, a wrong key, a stale timestamp, a missing signature; stores each and marks nothing', async () => {
    const { payment } = await newPayment();
    const body = paidEvent('evt_forged', payment.id, 1_990);
    const now = new Date();
    const cases: [string, Record<string, string>, string][] = [
      ['signature_mismatch', { [SANDBOX_SIGNATURE_HEADER]: signSandbox(SECRET, body, now) }, body.replace('1990', '1')],
      ['signature_mismatch', { [SANDBOX_SIGNATURE_HEADER]: signSandbox('another-key', body, now) }, body],
      ['timestamp_stale', { [SANDBOX_SIGNATURE_HEADER]: signSandbox(SECRET, body, new Date(now.getTime() - 10 * 60_000)) }, body],
      ['signature_missing', {}, body],
      ['signature_malformed', { [SANDBOX_SIGNATURE_HEADER]: 't=abc,v1=xyz' }, body],
    ];
    for (const [reason, headers, payload] of cases) {
      const res = await notify(payload, headers);
      expect(res.statusCode, reason).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'payment.notification_invalid', params: { reason } });
    }
    expect(await status(payment.id)).toBe('pending');
    const stored = rows<{ outcome: string; verified: boolean }>(
      await t.database.db.execute(sql`select outcome, verified from payment_notifications where body like ${'%evt_forged%'}`),
    );
    expect(stored).toHaveLength(5);
    expect(stored.every((s) => s.outcome === 'rejected' && !s.verified)).toBe(true);
    // A replay of a genuine notification changes nothing the second time.
    const genuine = signed(body);
    expect((await notify(body, genuine)).json()).toEqual({ received: true, outcome: 'applied' });
    expect((await notify(body, genuine)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
  });

  it('the same notification arriving many times at once applies once', async () => {
    const { payment } = await newPayment(2_500, 'order');
    const body = paidEvent('evt_storm', payment.id, 2_500);
    const headers = signed(body);
    const outcomes = (await Promise.all(Array.from({ length: 8 }, () => notify(body, headers)))).map((r) => r.json().outcome);
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(7);
    expect(await ledgerBalance()).toEqual([
      ['provider_clearing', 2_500],
      ['store_revenue', -2_500],
    ]);
  });

  it('a notification with another amount or currency marks nothing and flags the payment for staff', async () => {
    const { payment } = await newPayment(5_000, 'order');
    for (const [amountMinor, currency] of [
      [4_999, 'CNY'],
      [5_000, 'USD'],
    ] as const) {
      const body = paidEvent(`evt_${amountMinor}${currency}`, payment.id, amountMinor, currency);
      expect((await notify(body, signed(body))).json().outcome).toBe('mismatch');
    }
    expect(await status(payment.id)).toBe('pending');
    const owner = await createOwner(t.app);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/admin/payments', headers: { cookie: owner.cookie } })).json();
    expect(listed.items.find((p: { id: string }) => p.id === payment.id).mismatchAt).not.toBeNull();
    expect(await ledgerBalance()).toEqual([]);
  });

  it('refunds in part then in full once the provider confirms; never more than was paid; never paid again after', async () => {
    const { payment } = await newPayment(3_000, 'order');
    const owner = await createOwner(t.app);
    const refund = (amountMinor: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/payments/${payment.id}/refunds`,
        headers: { cookie: owner.cookie },
        payload: { amountMinor, reason: 'damaged' },
      });
    expect((await refund(1_000)).json().error.code).toBe('payment.not_refundable'); // not paid yet
    await t.container.services.sandbox.act(system(), (await t.container.services.payments.findById(system(), payment.id))!, 'pay');
    await deliver();
    expect((await refund(1_000)).statusCode).toBe(201);
    expect((await refund(2_001)).json().error).toMatchObject({ code: 'payment.refund_exceeds', params: { refundableMinor: 2_000 } });
    expect((await refund(0)).statusCode).toBe(400);
    await deliver();
    expect(await status(payment.id)).toBe('partially_refunded');
    expect((await refund(2_000)).statusCode).toBe(201);
    await deliver();
    expect(await status(payment.id)).toBe('refunded');
    expect(await ledgerBalance()).toEqual([
      ['provider_clearing', 0],
      ['refunds', 3_000],
      ['store_revenue', -3_000],
    ]);
    // A replayed "paid" after the refund never moves it back.
    const body = paidEvent('evt_late_paid', payment.id, 3_000);
    expect((await notify(body, signed(body))).json().outcome).toBe('stale');
    expect(await status(payment.id)).toBe('refunded');
  });

  it('retries a delivery the server did not accept, later and later', async () => {
    const { payment } = await newPayment();
    await t.container.services.sandbox.act(system(), (await t.container.services.payments.findById(system(), payment.id))!, 'pay');
    expect(await t.container.services.sandbox.deliverDue(system(), async () => 503)).toBe(0);
    // Not due again at once (backoff), so nothing is sent now.
    expect(await deliver()).toBe(0);
    expect(await status(payment.id)).toBe('pending');
    const later = t.container.ctx({ kind: 'system' }, { now: () => new Date(Date.now() + 61_000) });
    expect(await t.container.services.sandbox.deliverDue(later, send)).toBe(1);
    expect(await status(payment.id)).toBe('paid');
  });

  it('keeps payments private: a fan sees only their own; fans and visitors never reach the staff routes', async () => {
    const { fan, payment } = await newPayment();
    const other = await signupFan(t.app);
    expect((await t.app.inject({ method: 'GET', url: `/api/fan/payments/${payment.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/fan/payments/${payment.id}` })).statusCode).toBe(404);
    for (const url of ['/api/admin/payments', `/api/admin/payments/${payment.id}`, '/api/admin/payments/settings']) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: fan.cookie } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/payments/notifications/nosuch', payload: '{}' })).json().error.code).toBe('payment.provider_unknown');
    // A genuine notification for no payment here is kept for staff; the provider's retry of it is a duplicate.
    const stray = paidEvent('evt_stray', '00000000-0000-4000-8000-000000000000', 100);
    expect((await notify(stray, signed(stray))).json().outcome).toBe('unknown_payment');
    expect((await notify(stray, signed(stray))).json().outcome).toBe('duplicate');
  });
});
