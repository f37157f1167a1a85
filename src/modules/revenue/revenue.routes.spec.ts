import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import type { Ctx } from '../../core/context.ts';
import type { MembershipMetricsSource } from './membership-metrics.ts';

type Source = Awaited<ReturnType<MembershipMetricsSource>>;
const EMPTY: Source = { months: [], cancellationReasons: [] };

describe('GET /api/admin/revenue: revenue by month from the ledger', () => {
  let membershipFigures: Source = EMPTY;
  const asked: { from: Date; to: Date; currency: string }[] = [];
  const membershipMetrics: MembershipMetricsSource = async (_ctx, range) => {
    asked.push(range);
    return membershipFigures;
  };
  const t = useTestApp({}, { container: { membershipMetrics } });
  const services = () => t.container.services;
  const at = (iso: string) => ({ now: () => new Date(iso) });
  const system = (iso: string) => t.container.ctx({ kind: 'system' }, at(iso));
  const asFan = (fanId: string, iso: string) => t.container.ctx({ kind: 'fan', fanId }, at(iso));
  const report = (cookie: string, query: string) => t.app.inject({ method: 'GET', url: `/api/admin/revenue${query}`, headers: { cookie } });

  /** A paid sandbox payment, booked at `iso`: the notification is handled as of that instant. */
  async function pay(fanId: string, iso: string, amountMinor: number, referenceType: 'membership' | 'order', currency = 'CNY') {
    const ctx = system(iso);
    const { payment } = await services().payments.create(ctx, {
      fanId,
      referenceType,
      channel: referenceType === 'order' ? 'store' : 'membership',
      referenceId: `${referenceType}-${iso}`,
      description: referenceType === 'membership' ? 'Gold membership, 1 month' : 'Tote bag',
      amountMinor,
      currency,
      returnUrl: '/me',
    });
    const row = (await services().payments.findById(ctx, payment.id))!;
    await services().sandbox.act(ctx, row, 'pay');
    await deliver(ctx);
    return payment.id;
  }
  const deliver = async (ctx: Ctx) => {
    const send = async (headers: Record<string, string>, body: string) => {
      await services().payments.handleNotification(ctx, 'sandbox', headers, body);
      return 200;
    };
    expect(await services().sandbox.deliverDue(ctx, send)).toBeGreaterThan(0);
  };

  it('sums an ad fee, a membership payment, a store order and its refund by UTC month, per 1,000 followers, and weighs ads against members', async () => {
    membershipFigures = EMPTY;
    const owner = await createOwner(t.app);
    const fans = [await signupFan(t.app), await signupFan(t.app), await signupFan(t.app)];
    for (const f of fans) await services().fans.follow(asFan(f.fan.id, '2026-09-10T08:00:00Z'));

    // October: a sponsored article's fee is booked on publication; one fan reads it and unfollows.
    const ad = await services().articles.create(system('2026-10-01T00:00:00Z'), {
      title: 'Sponsored: a new phone',
      summary: '',
      coverUrl: null,
      bodyMarkdown: 'Buy it.',
      kind: 'sponsored',
      advertiser: 'Acme',
      adFee: { amountMinor: 50_000, currency: 'CNY' },
      membersTierId: null,
    });
    await services().articles.publish(system('2026-10-03T09:00:00Z'), ad.id);
    await services().articles.recordView(asFan(fans[0]!.fan.id, '2026-10-04T09:00:00Z'), ad.id);
    await services().fans.unfollow(asFan(fans[0]!.fan.id, '2026-10-04T10:00:00Z'));
    await pay(fans[1]!.fan.id, '2026-10-20T12:00:00Z', 1_990, 'membership');

    // November: an order, a third of it refunded; a payment in another currency stays out of the CNY figures.
    const order = await pay(fans[2]!.fan.id, '2026-11-02T12:00:00Z', 3_000, 'order');
    await services().payments.refund(t.container.ctx({ kind: 'staff', staffId: owner.staff.id, role: 'owner' }, at('2026-11-05T12:00:00Z')), order, {
      amountMinor: 1_000,
      reason: 'damaged',
    });
    await deliver(system('2026-11-05T12:00:00Z'));
    await pay(fans[2]!.fan.id, '2026-11-30T23:59:59Z', 700, 'membership', 'USD');
    await t.settle();

    const res = await report(owner.cookie, '?from=2026-09&to=2026-11&currency=CNY');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-09', to: '2026-11', currency: 'CNY', currencies: ['CNY', 'USD'] });
    expect(body.months).toEqual([
      { month: '2026-09', adsMinor: 0, membershipsMinor: 0, storeMinor: 0, refundsMinor: 0, netMinor: 0, followers: 3, netPer1000FansMinor: 0 },
      {
        month: '2026-10',
        adsMinor: 50_000,
        membershipsMinor: 1_990,
        storeMinor: 0,
        refundsMinor: 0,
        netMinor: 51_990,
        followers: 2,
        netPer1000FansMinor: 25_995_000,
      },
      {
        month: '2026-11',
        adsMinor: 0,
        membershipsMinor: 0,
        storeMinor: 3_000,
        refundsMinor: -1_000,
        netMinor: 2_000,
        followers: 2,
        netPer1000FansMinor: 1_000_000,
      },
    ]);
    expect(body.totals).toEqual({ adsMinor: 50_000, membershipsMinor: 1_990, storeMinor: 3_000, refundsMinor: -1_000, netMinor: 53_990 });
    // One follower lost for ¥500 of ad fees; an average follower (7/3) brought ¥19.90 / (7/3) = ¥8.53 in memberships.
    expect(body.adsOrMembers).toEqual({
      sponsoredArticles: 1,
      followersLost: 1,
      adRevenueMinor: 50_000,
      adRevenuePerArticleMinor: 50_000,
      adRevenuePerFollowerLostMinor: 50_000,
      membershipRevenueMinor: 1_990,
      averageFollowers: 2.33,
      membershipRevenuePerFanMinor: 853,
      verdict: 'ads',
    });
    expect(body.memberships).toEqual({ months: [], cancellationReasons: [] });

    const usd = (await report(owner.cookie, '?from=2026-11&to=2026-11&currency=USD')).json();
    expect(usd.months[0]).toMatchObject({ membershipsMinor: 700, storeMinor: 0, refundsMinor: 0, netMinor: 700 });
    expect(usd.adsOrMembers).toMatchObject({ adRevenueMinor: 0, verdict: 'not_enough_data' });
  });

  it('passes the membership figures through for the months asked, with each month’s churn rate', async () => {
    const owner = await createOwner(t.app);
    membershipFigures = {
      months: [
        { month: '2026-02', mrrMinor: 12_000, newMembers: 3, churnedMembers: 1, activeAtStart: 8 },
        { month: '2026-01', mrrMinor: 10_000, newMembers: 8, churnedMembers: 0, activeAtStart: 0 },
        { month: '2025-12', mrrMinor: 1, newMembers: 1, churnedMembers: 0, activeAtStart: 0 },
      ],
      cancellationReasons: [
        { reason: 'too_expensive', count: 1 },
        { reason: 'not_using', count: 4 },
      ],
    };
    asked.length = 0;
    const body = (await report(owner.cookie, '?from=2026-01&to=2026-02&currency=USD')).json();
    expect(asked).toEqual([{ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z'), currency: 'USD' }]);
    expect(body.memberships).toEqual({
      months: [
        { month: '2026-01', mrrMinor: 10_000, newMembers: 8, churnedMembers: 0, activeAtStart: 0, churnRate: null },
        { month: '2026-02', mrrMinor: 12_000, newMembers: 3, churnedMembers: 1, activeAtStart: 8, churnRate: 0.125 },
      ],
      cancellationReasons: [
        { reason: 'not_using', count: 4 },
        { reason: 'too_expensive', count: 1 },
      ],
    });
    membershipFigures = EMPTY;
  });

  it('answers zeros for a channel with no money and no followers yet, over the last 12 months by default', async () => {
    const owner = await createOwner(t.app);
    const res = await report(owner.cookie, '');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.months).toHaveLength(12);
    expect(body.to).toBe(new Date().toISOString().slice(0, 7));
    expect(body.currency).toBe('CNY');
    expect(body.currencies).toEqual([]);
    expect(body.months.every((m: Record<string, unknown>) => m.netMinor === 0 && m.followers === 0 && m.netPer1000FansMinor === null)).toBe(true);
    expect(body.totals).toEqual({ adsMinor: 0, membershipsMinor: 0, storeMinor: 0, refundsMinor: 0, netMinor: 0 });
    expect(body.adsOrMembers).toMatchObject({
      sponsoredArticles: 0,
      followersLost: 0,
      adRevenuePerFollowerLostMinor: null,
      membershipRevenuePerFanMinor: null,
      verdict: 'not_enough_data',
    });
    // A range of one month given by its start alone runs 12 months from it.
    expect((await report(owner.cookie, '?from=2025-03')).json()).toMatchObject({ from: '2025-03', to: '2026-02' });
    expect((await report(owner.cookie, '?to=2025-03')).json()).toMatchObject({ from: '2024-04', to: '2025-03' });
  });

  it('refuses a range backwards, longer than 36 months, or malformed, with validation_failed naming the field', async () => {
    const owner = await createOwner(t.app);
    const refused = async (query: string) => {
      const res = await report(owner.cookie, query);
      expect(res.statusCode, query).toBe(400);
      return res.json().error as { code: string; details: { path: string; issue: string }[] };
    };
    expect(await refused('?from=2026-05&to=2026-04')).toMatchObject({ code: 'validation_failed', details: [{ path: 'to', issue: 'before_start' }] });
    expect(await refused('?from=2023-01&to=2026-01')).toMatchObject({ code: 'validation_failed', details: [{ path: 'to' }] });
    expect(await refused('?from=2026-13&to=2027-01')).toMatchObject({ code: 'validation_failed', details: [{ path: 'from' }] });
    expect(await refused('?from=0000-01&to=2026-01')).toMatchObject({ code: 'validation_failed', details: [{ path: 'from' }] });
    expect(await refused('?currency=cny')).toMatchObject({ code: 'validation_failed', details: [{ path: 'currency' }] });
    // 36 months is the longest range taken.
    expect((await report(owner.cookie, '?from=2023-01&to=2025-12')).json().months).toHaveLength(36);
  });

  it('is for staff: a fan is refused, a visitor must sign in', async () => {
    const fan = await signupFan(t.app);
    const asFanRes = await report(fan.cookie, '');
    expect(asFanRes.statusCode).toBe(403);
    expect(asFanRes.json().error.code).toBe('auth.forbidden');
    const visitor = await t.app.inject({ method: 'GET', url: '/api/admin/revenue' });
    expect(visitor.statusCode).toBe(401);
    expect(visitor.json().error.code).toBe('auth.unauthenticated');
  });
});
