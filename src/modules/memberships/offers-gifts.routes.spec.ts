import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, membershipSignals, signupFan } from '../../../test/factories.ts';

const SECRET = 'test-sandbox-secret-offers-gifts-0123456789';

describe('membership offers (a discounted first period, an end date and a cap) and gift memberships (claimed once)', () => {
  const t = useTestApp({}, { container: { sandboxSecret: SECRET, sandboxChaos: { duplicate: true } } });
  const system = () => t.container.ctx({ kind: 'system' });
  const deliver = () =>
    t.container.services.sandbox.deliverDue(
      system(),
      async (headers, body) => (await t.app.inject({ method: 'POST', url: '/api/payments/notifications/sandbox', headers, payload: body })).statusCode,
    );
  let owner: Awaited<ReturnType<typeof createOwner>>;
  let gold: { id: string };
  const inject = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const pay = async (cookie: string, action: { url: string }) => {
    const id = action.url.split('/').pop();
    expect((await inject(cookie, 'POST', `/sandbox/pay/${id}/pay`)).statusCode).toBe(303);
    expect(await deliver()).toBe(1);
  };
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  beforeEach(async () => {
    owner = await createOwner(t.app);
    gold = (
      await inject(owner.cookie, 'POST', '/api/admin/membership-tiers', { name: 'Gold', rank: 2, monthlyPriceMinor: 3_000, yearlyPriceMinor: 30_000 })
    ).json();
  });

  it('an offer link prices the first month at the discount for new members, until its cap is reached', async () => {
    const created = await inject(owner.cookie, 'POST', '/api/admin/membership-offers', {
      tierId: gold.id,
      interval: 'month',
      priceMinor: 990,
      endsAt: inAWeek(),
      maxRedemptions: 1,
      code: 'launch-week',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'launch-week',
      url: 'http://fanbase.test/membership?offer=launch-week',
      priceMinor: 990,
      regularPriceMinor: 3_000,
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/memberships/offers/launch-week' })).json()).toMatchObject({
      placesLeft: 1,
      ended: false,
      priceMinor: 990,
    });

    const first = await signupFan(t.app);
    const wrongPeriod = await inject(first.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'year', offerCode: 'launch-week' });
    expect([wrongPeriod.statusCode, wrongPeriod.json().error.code]).toEqual([400, 'membership.offer_mismatch']);
    const checkout = await inject(first.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'month', offerCode: 'launch-week' });
    expect(checkout.json().purchase).toMatchObject({ amountMinor: 990, kind: 'join' });
    // While the first fan pays, the only place is held.
    const second = await signupFan(t.app);
    const held = await inject(second.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'month', offerCode: 'launch-week' });
    expect([held.statusCode, held.json().error.code]).toEqual([409, 'membership.offer_exhausted']);
    await pay(first.cookie, checkout.json().action);
    expect((await inject(first.cookie, 'GET', '/api/fan/membership')).json().membership.status).toBe('active');
    // Past its cap: refused with a clear error, at the regular price it still works.
    const past = await inject(second.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'month', offerCode: 'launch-week' });
    expect([past.statusCode, past.json().error.code]).toEqual([409, 'membership.offer_exhausted']);
    expect((await inject(second.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'month' })).json().purchase.amountMinor).toBe(3_000);
    expect((await inject(owner.cookie, 'GET', '/api/admin/membership-offers')).json()[0]).toMatchObject({ redemptions: 1, maxRedemptions: 1 });
    // A member cannot take a new-member offer.
    const again = await inject(first.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'month', offerCode: 'launch-week' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'membership.offer_new_members_only']);
  });

  it('an offer past its end date is refused; staff can end one early; bad offers are refused with a code', async () => {
    const offer = (
      await inject(owner.cookie, 'POST', '/api/admin/membership-offers', {
        tierId: gold.id,
        interval: 'year',
        priceMinor: 20_000,
        endsAt: inAWeek(),
        maxRedemptions: 100,
      })
    ).json();
    expect(offer.code).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect((await inject(owner.cookie, 'POST', `/api/admin/membership-offers/${offer.id}/end`)).statusCode).toBe(200);
    const fan = await signupFan(t.app);
    const ended = await inject(fan.cookie, 'POST', '/api/fan/membership/checkout', { tierId: gold.id, interval: 'year', offerCode: offer.code });
    expect([ended.statusCode, ended.json().error.code]).toEqual([409, 'membership.offer_ended']);
    expect((await t.app.inject({ method: 'GET', url: `/api/memberships/offers/${offer.code}` })).json().ended).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/memberships/offers/nosuchcode' })).statusCode).toBe(404);
    for (const bad of [
      { tierId: gold.id, interval: 'month', priceMinor: 0, endsAt: inAWeek(), maxRedemptions: 1 },
      { tierId: gold.id, interval: 'month', priceMinor: 100, endsAt: '2020-01-01T00:00:00Z', maxRedemptions: 1 },
      { tierId: gold.id, interval: 'month', priceMinor: 100, endsAt: '9999-01-01T00:00:00Z', maxRedemptions: 1 },
      { tierId: gold.id, interval: 'month', priceMinor: 100, endsAt: inAWeek(), maxRedemptions: 0 },
      { tierId: gold.id, interval: 'month', priceMinor: 100, endsAt: inAWeek(), maxRedemptions: 1, code: 'no spaces!' },
    ]) {
      const res = await inject(owner.cookie, 'POST', '/api/admin/membership-offers', bad);
      expect([res.statusCode, res.json().error.code], JSON.stringify(bad)).toEqual([400, 'validation_failed']);
    }
    expect((await inject(fan.cookie, 'GET', '/api/admin/membership-offers')).statusCode).toBe(403);
  });

  it('a gift is paid by one fan for an email, claimed once by the fan signed in with it, by nobody else', async () => {
    const giver = await signupFan(t.app);
    const self = await inject(giver.cookie, 'POST', '/api/fan/membership/gifts', { tierId: gold.id, interval: 'year', recipientEmail: giver.email });
    expect([self.statusCode, self.json().error.code]).toEqual([400, 'membership.gift_to_self']);
    const bought = await inject(giver.cookie, 'POST', '/api/fan/membership/gifts', {
      tierId: gold.id,
      interval: 'year',
      recipientEmail: 'Lucky.Friend@Example.com',
      message: 'Happy birthday!',
    });
    expect(bought.statusCode, bought.body).toBe(201);
    const gift = bought.json().gift;
    expect(gift).toMatchObject({ status: 'pending', recipientEmail: 'lucky.friend@example.com', amountMinor: 30_000 });

    const friend = await signupFan(t.app, { email: 'lucky.friend@example.com' });
    // Not claimable before it is paid.
    const early = await inject(friend.cookie, 'POST', `/api/fan/membership/gifts/${gift.id}/claim`);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'membership.gift_not_claimable']);
    await pay(giver.cookie, bought.json().action);
    expect((await inject(giver.cookie, 'GET', `/api/fan/membership/gifts/${gift.id}`)).json().status).toBe('paid');
    // The giver is no member; the friend sees it waiting on sign-in.
    expect((await inject(giver.cookie, 'GET', '/api/fan/membership')).json().membership).toBeNull();
    expect((await inject(friend.cookie, 'GET', '/api/fan/membership/gifts')).json().received).toMatchObject([{ id: gift.id, message: 'Happy birthday!' }]);
    // Someone else cannot claim it, nor see it.
    const stranger = await signupFan(t.app);
    expect((await inject(stranger.cookie, 'POST', `/api/fan/membership/gifts/${gift.id}/claim`)).json().error.code).toBe('membership.gift_not_found');
    expect((await inject(stranger.cookie, 'GET', `/api/fan/membership/gifts/${gift.id}`)).statusCode).toBe(404);
    // Claimed twice at once: once.
    const [a, b] = await Promise.all([
      inject(friend.cookie, 'POST', `/api/fan/membership/gifts/${gift.id}/claim`),
      inject(friend.cookie, 'POST', `/api/fan/membership/gifts/${gift.id}/claim`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('membership.gift_claimed');
    const membership = (await inject(friend.cookie, 'GET', '/api/fan/membership')).json();
    expect(membership.membership).toMatchObject({ status: 'active', tier: { name: 'Gold' } });
    expect(membership.purchases).toMatchObject([{ kind: 'gift', months: 12 }]);
    // A gift's months are membership months; receiving one is not paying, and giving one is not membership.
    expect(await membershipSignals(t, friend.fan.id)).toEqual({ status: 'active', tierId: gold.id, rank: 2, months: 12, paid: false });
    expect(await membershipSignals(t, giver.fan.id)).toEqual({ status: 'never', tierId: null, rank: 0, months: 0, paid: false });
    expect((await inject(friend.cookie, 'POST', `/api/fan/membership/gifts/${gift.id}/claim`)).json().error.code).toBe('membership.gift_claimed');
  });
});
