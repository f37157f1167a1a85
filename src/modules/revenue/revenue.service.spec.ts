import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../core/context.ts';
import type { ArticlesService } from '../articles/articles.service.ts';
import type { InsightsService } from '../insights/insights.service.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import { noMembershipMetrics } from './membership-metrics.ts';
import { createRevenueService } from './revenue.service.ts';

type Totals = Awaited<ReturnType<LedgerService['monthlyTotals']>>;

/** The report's arithmetic over fake sources: which pays more per fan, and the default months. */
describe('revenue service', () => {
  const ctx = (now = '2026-12-02T06:00:00Z'): Ctx =>
    ({ actor: { kind: 'system' }, db: undefined as never, now: () => new Date(now), log: pino({ level: 'silent' }) }) as Ctx;

  function service(f: { totals?: Totals; followers?: number; sponsored?: { articles: number; unfollows: number; feeMinor: number } }) {
    const asked: { from: string; to: string }[] = [];
    const ledger = {
      monthlyTotals: async (_ctx: Ctx, q: { from: string; to: string }) => {
        asked.push(q);
        return f.totals ?? [];
      },
    } as unknown as LedgerService;
    const insights = {
      followersAtMonthEnds: async (_ctx: Ctx, q: { from: string; to: string }) => [q.from, q.to].map((month) => ({ month, followers: f.followers ?? 0 })),
    } as unknown as InsightsService;
    const s = f.sponsored ?? { articles: 0, unfollows: 0, feeMinor: 0 };
    const articles = {
      kindComparison: async () => ({
        windowHours: 24,
        kinds: [{ kind: 'sponsored', articles: s.articles, unfollows: s.unfollows, revenue: s.feeMinor ? [{ currency: 'CNY', amountMinor: s.feeMinor }] : [] }],
      }),
    } as unknown as ArticlesService;
    return { revenue: createRevenueService({ ledger, insights, articles, membershipMetrics: noMembershipMetrics }), asked };
  }
  const members = (month: string, creditMinor: number): Totals[number] => ({ month, account: 'membership_revenue', currency: 'CNY', debitMinor: 0, creditMinor });

  it('says members pay more when an average follower brought more in memberships than a follower lost to ads brought in fees', async () => {
    // 100 followers brought ¥3,000 in two months (¥30 each); 10 followers lost to ads for ¥200 (¥20 each).
    const { revenue } = service({ totals: [members('2026-11', 300_000)], followers: 100, sponsored: { articles: 2, unfollows: 10, feeMinor: 20_000 } });
    const r = await revenue.report(ctx(), { from: '2026-11', to: '2026-12', currency: 'CNY' });
    expect(r.adsOrMembers).toMatchObject({
      adRevenuePerFollowerLostMinor: 2_000,
      membershipRevenuePerFanMinor: 3_000,
      adRevenuePerArticleMinor: 10_000,
      verdict: 'members',
    });
    expect(r.months.map((m) => m.netPer1000FansMinor)).toEqual([3_000_000, 0]);
  });

  it('says it is even when both bring the same per fan, and that it lacks data while either side is unknown', async () => {
    const even = service({ totals: [members('2026-12', 2_000)], followers: 1, sponsored: { articles: 1, unfollows: 2, feeMinor: 4_000 } });
    expect((await even.revenue.report(ctx(), { from: '2026-12', to: '2026-12', currency: 'CNY' })).adsOrMembers.verdict).toBe('even');
    for (const f of [
      { totals: [members('2026-12', 2_000)], followers: 0, sponsored: { articles: 1, unfollows: 2, feeMinor: 2_000 } },
      { totals: [], followers: 5, sponsored: { articles: 1, unfollows: 2, feeMinor: 2_000 } },
      { totals: [members('2026-12', 2_000)], followers: 5, sponsored: { articles: 1, unfollows: 0, feeMinor: 2_000 } },
      { totals: [members('2026-12', 2_000)], followers: 5, sponsored: { articles: 1, unfollows: 3, feeMinor: 0 } },
    ]) {
      expect((await service(f).revenue.report(ctx(), { from: '2026-12', to: '2026-12', currency: 'CNY' })).adsOrMembers.verdict, JSON.stringify(f)).toBe(
        'not_enough_data',
      );
    }
  });

  it('fills in 12 months, ending this UTC month, and stays within the calendar it accepts', async () => {
    const a = service({});
    await a.revenue.report(ctx('2027-01-01T00:30:00+08:00'), { currency: 'CNY' });
    await a.revenue.report(ctx(), { from: '9999-06', currency: 'CNY' });
    await a.revenue.report(ctx(), { to: '1900-05', currency: 'CNY' });
    expect(a.asked).toEqual([
      { from: '2026-01', to: '2026-12' },
      { from: '9999-06', to: '9999-12' },
      { from: '1900-01', to: '1900-05' },
    ]);
  });

  it('refuses a fan', async () => {
    const fan = { ...ctx(), actor: { kind: 'fan' as const, fanId: '00000000-0000-4000-8000-000000000001' } };
    await expect(service({}).revenue.report(fan, { currency: 'CNY' })).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
