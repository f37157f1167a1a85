import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buyMembership, createOwner, createTier, deliverSandbox, signupFan } from '../../../test/factories.ts';
import { jobRuns } from '../../platform/jobs/jobs.table.ts';
import { REBUILD_DAILY_JOB } from './insights.service.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-05-10T12:00:00.000Z');

describe('analytics: growth per day and source, quality per source', () => {
  const t = useTestApp();

  /** A fan who follows (and maybe unfollows) at chosen times. */
  async function fanWith(events: { at: number; follow: boolean; source?: string }[]) {
    const signedUp = await signupFan(t.app);
    const { fans } = t.container.services;
    for (const e of events) {
      const ctx = t.container.ctx({ kind: 'fan', fanId: signedUp.fan.id }, { now: () => new Date(e.at) });
      if (e.follow) await fans.follow(ctx, e.source);
      else await fans.unfollow(ctx);
    }
    return signedUp;
  }

  it('charts follows, unfollows, net and cumulative followers per day (UTC by default)', async () => {
    const owner = await createOwner(t.app);
    await fanWith([{ at: T0 - 5 * DAY, follow: true }]); // before the range: the starting point
    await fanWith([{ at: T0, follow: true, source: 'share:abcd1234' }]);
    await fanWith([
      { at: T0 + 1000, follow: true },
      { at: T0 + DAY, follow: false },
    ]);
    await fanWith([{ at: T0 + 2 * DAY + 11.9 * 3600_000, follow: true, source: 'import' }]); // 23:54 UTC
    await t.settle();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/insights/growth?from=2026-05-10&to=2026-05-13',
      headers: { cookie: owner.cookie },
    });
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(
      g.days.map((d: { day: string; newFollows: number; lostFollows: number; cumulative: number }) => [d.day, d.newFollows, d.lostFollows, d.cumulative]),
    ).toEqual([
      ['2026-05-10', 2, 0, 3],
      ['2026-05-11', 0, 1, 2],
      ['2026-05-12', 1, 0, 3],
      ['2026-05-13', 0, 0, 3],
    ]);
    expect(g.days[0].follows).toEqual({ direct: 1, article: 0, share: 1, import: 0 });
    expect(g.days[2].follows.import).toBe(1);
    expect(g.totals).toMatchObject({ net: 2, unfollows: { direct: 1 } });
  });

  it('rejects a reversed or over-long range and bad dates', async () => {
    const owner = await createOwner(t.app);
    for (const qs of ['from=2026-05-10&to=2026-05-01', 'from=2020-01-01&to=2026-01-01', 'from=2026-13-01&to=2026-12-01', 'from=yesterday&to=today', '']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/admin/insights/growth?${qs}`, headers: { cookie: owner.cookie } });
      expect(res.statusCode, qs).toBe(400);
    }
  });

  it('measures 30-day retention per acquisition source', async () => {
    const owner = await createOwner(t.app);
    const now = Date.now();
    // Share fans: mature, both stayed past 30 days (one left on day 31).
    await fanWith([{ at: now - 40 * DAY, follow: true, source: 'share:abcd1234' }]);
    await fanWith([
      { at: now - 40 * DAY, follow: true, source: 'share:abcd1234' },
      { at: now - 9 * DAY, follow: false },
    ]);
    // Direct fans: mature; one left within 30 days, one came back later (still counts as lost).
    await fanWith([
      { at: now - 50 * DAY, follow: true },
      { at: now - 45 * DAY, follow: false },
      { at: now - 44 * DAY, follow: true },
    ]);
    await fanWith([{ at: now - 35 * DAY, follow: true }]);
    // Too young to measure.
    await fanWith([{ at: now - 2 * DAY, follow: true }]);
    const q = (await t.app.inject({ method: 'GET', url: '/api/admin/insights/quality', headers: { cookie: owner.cookie } })).json();
    const by = Object.fromEntries(q.sources.map((s: { source: string }) => [s.source, s]));
    expect(by.share).toMatchObject({ fans: 2, matureFans: 2, retained: 2, retentionRate: 1 });
    expect(by.direct).toMatchObject({ fans: 3, matureFans: 2, retained: 1, retentionRate: 0.5 });
    expect(by.article).toMatchObject({ fans: 0, matureFans: 0, retentionRate: null });
  });

  it('measures conversion to member per acquisition source: fans who ever paid, not comps, not refunded periods', async () => {
    const owner = await createOwner(t.app);
    const silver = await createTier(t.app, owner.cookie, { name: 'Silver', rank: 1 });
    const now = Date.now();
    const shared = [
      await fanWith([{ at: now - DAY, follow: true, source: 'share:abcd1234' }]),
      await fanWith([{ at: now - DAY, follow: true, source: 'share:abcd1234' }]),
    ];
    const direct = [
      await fanWith([{ at: now - DAY, follow: true }]),
      await fanWith([{ at: now - DAY, follow: true }]),
      await fanWith([{ at: now - DAY, follow: true }]),
    ];
    // Share: one of two paid.
    await buyMembership(t, shared[0]!, silver.id);
    // Direct: a comp is not paying, a refunded period is taken back, a member who canceled still became one.
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/fans/${direct[0]!.fan.id}/membership/comps`,
      headers: { cookie: owner.cookie },
      payload: { tierId: silver.id, months: 1 },
    });
    const refunded = await buyMembership(t, direct[1]!, silver.id);
    await t.app.inject({ method: 'POST', url: `/api/admin/membership-purchases/${refunded.id}/refund`, headers: { cookie: owner.cookie }, payload: {} });
    await deliverSandbox(t);
    await buyMembership(t, direct[2]!, silver.id, 'year');
    await t.app.inject({ method: 'POST', url: '/api/fan/membership/cancel', headers: { cookie: direct[2]!.cookie }, payload: { reason: 'too_expensive' } });
    // A paying member who never followed was acquired by no source.
    await buyMembership(t, await signupFan(t.app), silver.id);

    const res = await t.app.inject({ method: 'GET', url: '/api/admin/insights/quality', headers: { cookie: owner.cookie } });
    const by = Object.fromEntries(res.json().sources.map((s: { source: string }) => [s.source, s]));
    expect(by.share).toMatchObject({ fans: 2, members: 1, memberRate: 0.5 });
    expect(by.direct).toMatchObject({ fans: 3, members: 1, memberRate: 0.3333 });
    expect(by.article).toMatchObject({ fans: 0, members: 0, memberRate: null });
    expect(by.import).toMatchObject({ fans: 0, members: 0, memberRate: null });
    const fan = await signupFan(t.app);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/insights/quality', headers: { cookie: fan.cookie } })).statusCode).toBe(403);
  });

  it("counts days in the channel's time zone, re-counts them when it changes, and dates segments by it", async () => {
    const owner = await createOwner(t.app);
    const h = { cookie: owner.cookie };
    const settings = (timeZone: string) =>
      t.app.inject({ method: 'PUT', url: '/api/admin/channel', headers: h, payload: { name: 'Mi Community', description: '', timeZone } });
    expect((await settings('Asia/Shanghai')).json()).toMatchObject({ timeZone: 'Asia/Shanghai' });
    // 20:00 UTC on 1 June is 04:00 on 2 June in Beijing.
    await fanWith([{ at: Date.parse('2026-06-01T20:00:00Z'), follow: true }]);
    const days = async () => {
      await t.settle();
      const g = (await t.app.inject({ method: 'GET', url: '/api/admin/insights/growth?from=2026-06-01&to=2026-06-02', headers: h })).json();
      return { timeZone: g.timeZone, follows: g.days.map((d: { newFollows: number }) => d.newFollows) };
    };
    expect(await days()).toEqual({ timeZone: 'Asia/Shanghai', follows: [0, 1] });
    const count = async (filter: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/admin/segments/preview', headers: h, payload: { filter } })).json().count;
    expect(await count({ followedFrom: '2026-06-02', followedTo: '2026-06-02' })).toBe(1);
    expect(await count({ followedTo: '2026-06-01' })).toBe(0);

    // Back to UTC: the rollup is re-counted in the background, and the same follow is on 1 June.
    await settings('UTC');
    await t.container.jobs.idle();
    expect(await days()).toEqual({ timeZone: 'UTC', follows: [1, 0] });
    const growth = async () => (await t.app.inject({ method: 'GET', url: '/api/admin/insights/growth?from=2026-06-01&to=2026-06-02', headers: h })).json();
    expect((await growth()).recounting).toBe(false);
    // While a re-count waits or runs, the chart says so (the console shows a notice and polls).
    await t.container.database.db
      .insert(jobRuns)
      .values({ id: '00000000-0000-4000-8000-0000000000ab', name: REBUILD_DAILY_JOB, status: 'queued', requestedBy: 'cli', createdAt: new Date() });
    expect((await growth()).recounting).toBe(true);
    await t.container.database.db.delete(jobRuns);
    expect(await count({ followedTo: '2026-06-01' })).toBe(1);
    // A new follow lands on the right day at once.
    await fanWith([{ at: Date.parse('2026-06-02T23:30:00Z'), follow: true }]);
    expect((await days()).follows).toEqual([1, 1]);

    for (const bad of ['Mars/Olympus', 'GMT+8', '']) expect((await settings(bad)).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/channel', headers: h })).json().timeZone).toBe('UTC');
  });
});
