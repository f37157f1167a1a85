import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, createStaff, signupFan } from '../../../test/factories.ts';

/** Only the sandbox is configured here (no WECHATPAY_ or STRIPE_ variables). */
describe('channels of sale: the console setting, on a machine with only the sandbox', () => {
  const t = useTestApp();
  const settings = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/admin/payments/settings', ...(cookie ? { headers: { cookie } } : {}) });
  const choose = (cookie: string, channel: string, payload: unknown) =>
    t.app.inject({ method: 'PUT', url: `/api/admin/payments/settings/channels/${channel}`, headers: { cookie }, payload: payload as object });

  it('shows every provider with what configures it, and every channel on the default (the sandbox)', async () => {
    const owner = await createOwner(t.app);
    const res = await settings(owner.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().providers).toEqual([
      { name: 'sandbox', configured: true, testMode: true, recurring: true, variables: [], default: true },
      {
        name: 'wechatpay',
        configured: false,
        testMode: null,
        recurring: false,
        variables: expect.arrayContaining(['WECHATPAY_MCHID', 'WECHATPAY_API_V3_KEY', 'WECHATPAY_PRIVATE_KEY_FILE']),
        default: false,
      },
      { name: 'stripe', configured: false, testMode: null, recurring: true, variables: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'], default: false },
    ]);
    expect(res.json().channels).toEqual([
      { channel: 'membership', chosen: null, provider: 'sandbox', fallback: false, autoRenew: true, updatedAt: null },
      { channel: 'store', chosen: null, provider: 'sandbox', fallback: false, autoRenew: false, updatedAt: null },
      { channel: 'festival', chosen: null, provider: 'sandbox', fallback: false, autoRenew: false, updatedAt: null },
    ]);
    // Names only: no value of any variable is in the answer.
    expect(res.body).not.toMatch(/sk_(test|live)_|whsec_|BEGIN/);
  });

  it('lets the owner choose among configured providers; refuses bad input with a code', async () => {
    const owner = await createOwner(t.app);
    const chosen = await choose(owner.cookie, 'festival', { provider: 'sandbox' });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().channels[2]).toMatchObject({
      channel: 'festival',
      chosen: 'sandbox',
      provider: 'sandbox',
      fallback: false,
      updatedAt: expect.any(String),
    });

    const notConfigured = await choose(owner.cookie, 'membership', { provider: 'wechatpay' });
    expect([notConfigured.statusCode, notConfigured.json().error]).toEqual([
      409,
      expect.objectContaining({ code: 'payment.provider_not_configured', params: { provider: 'wechatpay' } }),
    ]);
    const cases: [string, unknown, string][] = [
      ['shop', { provider: 'sandbox' }, 'channel'],
      ['membership', { provider: 'paypal' }, 'provider'],
      ['membership', { provider: 'Sandbox' }, 'provider'],
      ['membership', {}, 'provider'],
      ['membership', { provider: 42 }, 'provider'],
    ];
    for (const [channel, body, field] of cases) {
      const res = await choose(owner.cookie, channel, body);
      expect(res.statusCode, `${channel} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error, `${channel} ${JSON.stringify(body)}`).toMatchObject({
        code: 'validation_failed',
        details: [expect.objectContaining({ path: field })],
      });
    }
    // Nothing refused was stored; null goes back to the default.
    expect((await settings(owner.cookie)).json().channels.map((c: { chosen: string | null }) => c.chosen)).toEqual([null, null, 'sandbox']);
    expect((await choose(owner.cookie, 'festival', { provider: null })).json().channels[2]).toMatchObject({ chosen: null, updatedAt: null });
  });

  it('lets other staff read the setting but not change it; fans and visitors reach neither', async () => {
    const owner = await createOwner(t.app);
    const staff = await createStaff(t.app, owner.cookie);
    const fan = await signupFan(t.app);
    expect((await settings(staff.cookie)).statusCode).toBe(200);
    const refused = await choose(staff.cookie, 'membership', { provider: 'sandbox' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'auth.forbidden']);
    expect((await settings(fan.cookie)).statusCode).toBe(403);
    expect((await choose(fan.cookie, 'membership', { provider: 'sandbox' })).statusCode).toBe(403);
    expect((await settings()).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/payments/settings/channels/membership', payload: { provider: 'sandbox' } })).statusCode).toBe(
      401,
    );
    expect((await settings(owner.cookie)).json().channels[0].chosen).toBeNull();
  });

  it('falls back to the default when the chosen provider is no longer configured, says so, and checkout still works', async () => {
    const owner = await createOwner(t.app);
    // Chosen while Stripe was configured; its variables have since been removed.
    await t.database.db.execute(sql`insert into payment_sale_channels (channel, provider, updated_at) values ('membership', 'stripe', now())`);
    expect((await settings(owner.cookie)).json().channels[0]).toMatchObject({
      channel: 'membership',
      chosen: 'stripe',
      provider: 'sandbox',
      fallback: true,
      autoRenew: true,
    });

    const tier = await t.app.inject({
      method: 'POST',
      url: '/api/admin/membership-tiers',
      headers: { cookie: owner.cookie },
      payload: { name: 'Gold', rank: 1, monthlyPriceMinor: 3_000, yearlyPriceMinor: 30_000 },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/memberships/offer' })).json()).toMatchObject({ provider: 'sandbox', testMode: true, recurring: true });
    const fan = await signupFan(t.app);
    const checkout = await t.app.inject({
      method: 'POST',
      url: '/api/fan/membership/checkout',
      headers: { cookie: fan.cookie },
      payload: { tierId: tier.json().id, interval: 'month', autoRenew: true },
    });
    expect(checkout.statusCode, checkout.body).toBe(201);
    expect(checkout.json()).toMatchObject({ testMode: true, action: { kind: 'redirect', url: expect.stringContaining('/sandbox/pay/') } });
    const payment = await t.app.inject({ method: 'GET', url: `/api/fan/payments/${checkout.json().purchase.paymentId}`, headers: { cookie: fan.cookie } });
    expect(payment.json()).toMatchObject({ provider: 'sandbox', status: 'pending' });
  });
});
