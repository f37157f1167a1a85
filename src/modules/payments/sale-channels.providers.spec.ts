import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import { signStripe, stripeEvent, useStripeApi } from '../../../test/stripe-api.ts';
import { useWechatPayMerchant } from '../../../test/wechatpay-merchant.ts';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('channels of sale with Stripe and WeChat Pay configured (local stand-ins for both APIs)', () => {
  const stripeApi = useStripeApi();
  const wechat = useWechatPayMerchant();
  // Read when the app is built, once both stand-ins listen.
  const t = useTestApp(
    {},
    {
      container: {
        get stripe() {
          return stripeApi.options();
        },
        get wechatpay() {
          return wechat.options();
        },
      },
    },
  );
  const inject = (cookie: string | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
  const providerOf = async (paymentId: string) =>
    rows<{ provider: string }>(await t.database.db.execute(sql`select provider from payments where id = ${paymentId}`))[0]!.provider;

  async function setUp() {
    const owner = await createOwner(t.app);
    const tier = await inject(owner.cookie, 'POST', '/api/admin/membership-tiers', { name: 'Gold', rank: 1, monthlyPriceMinor: 3_000, yearlyPriceMinor: 30_000 });
    expect(tier.statusCode, tier.body).toBe(201);
    return { owner, tierId: tier.json().id as string };
  }
  const checkout = (fan: { cookie: string }, tierId: string, autoRenew = false) =>
    inject(fan.cookie, 'POST', '/api/fan/membership/checkout', { tierId, interval: 'month', autoRenew });

  it('pays every channel through Stripe by default, with auto-renew for memberships', async () => {
    const { owner } = await setUp();
    const { providers, channels } = (await inject(owner.cookie, 'GET', '/api/admin/payments/settings')).json();
    expect(providers.map((p: Record<string, unknown>) => [p.name, p.configured, p.testMode, p.recurring, p.default])).toEqual([
      ['sandbox', true, true, true, false],
      ['wechatpay', true, false, false, false],
      ['stripe', true, true, true, true],
    ]);
    expect(channels.map((c: Record<string, unknown>) => [c.channel, c.chosen, c.provider, c.autoRenew])).toEqual([
      ['membership', null, 'stripe', true],
      ['store', null, 'stripe', false],
      ['festival', null, 'stripe', false],
    ]);
    expect((await inject(undefined, 'GET', '/api/memberships/offer')).json()).toMatchObject({ provider: 'stripe', recurring: true });
  });

  it('after the owner moves memberships to WeChat Pay, checkouts and gifts pay by QR code; a Stripe payment made before settles and refunds through Stripe', async () => {
    const { owner, tierId } = await setUp();
    // Before the switch: a Stripe Checkout payment, not yet paid.
    const early = await signupFan(t.app);
    const before = await checkout(early, tierId);
    expect(before.json().action).toEqual({ kind: 'redirect', url: expect.stringMatching(/^https:\/\/checkout\.stripe\.com\//) });
    const earlyPaymentId = before.json().purchase.paymentId as string;
    const sessionId = String(before.json().action.url).split('/').pop()!;

    const switched = await inject(owner.cookie, 'PUT', '/api/admin/payments/settings/channels/membership', { provider: 'wechatpay' });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json().channels.map((c: Record<string, unknown>) => [c.channel, c.chosen, c.provider, c.autoRenew])).toEqual([
      ['membership', 'wechatpay', 'wechatpay', false],
      ['store', null, 'stripe', false],
      ['festival', null, 'stripe', false],
    ]);
    // The membership page says how paying works now: real money, no auto-renew.
    expect((await inject(undefined, 'GET', '/api/memberships/offer')).json()).toMatchObject({ provider: 'wechatpay', testMode: false, recurring: false });

    const fan = await signupFan(t.app);
    const sentBefore = wechat.requests().length;
    const res = await checkout(fan, tierId);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ testMode: false, action: { kind: 'qr', codeUrl: expect.stringMatching(/^weixin:\/\//) } });
    const paymentId = res.json().purchase.paymentId as string;
    expect(await providerOf(paymentId)).toBe('wechatpay');
    expect(wechat.requests().slice(sentBefore)).toMatchObject([{ path: '/v3/pay/transactions/native', body: { amount: { total: 3_000, currency: 'CNY' } } }]);
    // WeChat Pay does not renew by itself: auto-renew is refused, clearly.
    const renewing = await checkout(await signupFan(t.app), tierId, true);
    expect([renewing.statusCode, renewing.json().error.code]).toEqual([409, 'payment.recurring_unavailable']);
    // A gift of a membership is the membership channel's too.
    const gift = await inject(fan.cookie, 'POST', '/api/fan/membership/gifts', { tierId, interval: 'month', recipientEmail: 'friend@example.com' });
    expect(gift.statusCode, gift.body).toBe(201);
    expect(gift.json().action.kind).toBe('qr');

    // WeChat Pay's notification makes the new fan a member.
    const notified = wechat.paid(paymentId, 3_000);
    const applied = await t.app.inject({ method: 'POST', url: '/api/payments/notifications/wechatpay', headers: notified.headers, payload: notified.body });
    expect(applied.json()).toEqual({ received: true, outcome: 'applied' });
    expect((await inject(fan.cookie, 'GET', '/api/fan/membership')).json().membership).toMatchObject({ status: 'active' });

    // The early fan pays on Stripe's page after the switch: Stripe's event settles their Stripe payment.
    const session = stripeApi.pay(sessionId, { payment_intent: `pi_for_${sessionId}` });
    const body = stripeEvent('checkout.session.completed', session);
    const paid = await t.app.inject({ method: 'POST', url: '/api/payments/notifications/stripe', headers: signStripe(body), payload: body });
    expect(paid.json()).toEqual({ received: true, outcome: 'applied' });
    expect(await providerOf(earlyPaymentId)).toBe('stripe');
    expect((await inject(early.cookie, 'GET', '/api/fan/membership')).json().membership).toMatchObject({ status: 'active' });

    // Its refund goes to Stripe, not to the channel's provider now.
    const wechatSent = wechat.requests().length;
    const refund = await inject(owner.cookie, 'POST', `/api/admin/payments/${earlyPaymentId}/refunds`, { amountMinor: 1_000 });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(stripeApi.requests.filter((r) => r.path === '/v1/refunds')).toMatchObject([{ form: { amount: '1000', payment_intent: `pi_for_${sessionId}` } }]);
    expect(wechat.requests().length).toBe(wechatSent);
  });

  it('takes store and festival payments through the provider each of them uses', async () => {
    const { owner } = await setUp();
    expect((await inject(owner.cookie, 'PUT', '/api/admin/payments/settings/channels/festival', { provider: 'wechatpay' })).statusCode).toBe(200);
    const fan = await signupFan(t.app);
    const order = (channel: 'store' | 'festival') =>
      t.container.services.payments.create(t.container.ctx({ kind: 'system' }), {
        fanId: fan.fan.id,
        referenceType: 'order',
        channel,
        referenceId: `order-${channel}`,
        description: 'Tote bag',
        amountMinor: 4_900,
        currency: 'CNY',
        returnUrl: '/store',
      });
    expect((await order('store')).payment.provider).toBe('stripe');
    expect((await order('festival')).payment.provider).toBe('wechatpay');
    const terms = t.container.services.payments.checkoutTerms(t.container.ctx(), 'festival');
    expect(await terms).toEqual({ provider: 'wechatpay', testMode: false, recurring: false });
  });
});
