import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { addMonths, MAX_MONTH, MIN_MONTH, monthEnd, monthOf, monthRange, monthsIn, monthStart, type Month } from '../../core/months.ts';
import type { ArticlesService } from '../articles/articles.service.ts';
import type { InsightsService } from '../insights/insights.service.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import type { MembershipMetricsSource } from './membership-metrics.ts';
import { DEFAULT_REVENUE_MONTHS, type RevenueMonthDto, type RevenueQuery, type RevenueReportDto } from './revenue.schemas.ts';

/** Which report column each ledger account feeds (revenue accounts hold credits; refunds debits). */
const COLUMNS = { ad_revenue: 'adsMinor', membership_revenue: 'membershipsMinor', store_revenue: 'storeMinor', refunds: 'refundsMinor' } as const;
type Column = (typeof COLUMNS)[keyof typeof COLUMNS];
const isReported = (account: string): account is keyof typeof COLUMNS => Object.hasOwn(COLUMNS, account);

/** The months asked for, with the defaults filled in (12 months, ending this UTC month). */
function rangeOf(q: RevenueQuery, now: Date): { from: Month; to: Month } {
  const span = DEFAULT_REVENUE_MONTHS - 1;
  const to = q.to ?? (q.from ? (monthsIn(q.from, MAX_MONTH) > span ? addMonths(q.from, span) : MAX_MONTH) : monthOf(now));
  const from = q.from ?? (monthsIn(MIN_MONTH, to) > span ? addMonths(to, -span) : MIN_MONTH);
  return { from, to };
}

const perUnit = (amountMinor: number, units: number): number | null => (units > 0 ? Math.round(amountMinor / units) : null);

/**
 * The money side of the channel: revenue by source per UTC month from the ledger's monthly
 * totals, per 1,000 followers, membership figures from the memberships module, and whether ads
 * or members pay more per fan. Cost: one read of ≤ (months × accounts × currencies × 8) total
 * rows, one of the daily follow rollup's months, the ads vs original totals (one row per
 * article kind plus the ledger's sum of article fees) and what the membership source reads,
 * whatever the ledger's size.
 */
export function createRevenueService(deps: {
  ledger: LedgerService;
  insights: InsightsService;
  articles: ArticlesService;
  membershipMetrics: MembershipMetricsSource;
}) {
  const { ledger, insights, articles, membershipMetrics } = deps;

  return {
    async report(ctx: Ctx, q: RevenueQuery): Promise<RevenueReportDto> {
      requireStaff(ctx);
      const { from, to } = rangeOf(q, ctx.now());
      const { currency } = q;
      const [totals, followers, comparison, memberships] = await Promise.all([
        ledger.monthlyTotals(ctx, { from, to }),
        insights.followersAtMonthEnds(ctx, { from, to }),
        articles.kindComparison(ctx),
        membershipMetrics(ctx, { from: monthStart(from), to: monthEnd(to), currency }),
      ]);

      const byMonth = new Map<Month, Record<Column, number>>();
      const currencies = new Set<string>();
      for (const row of totals) {
        if (!isReported(row.account)) continue;
        currencies.add(row.currency);
        if (row.currency !== currency) continue;
        const sums = byMonth.get(row.month) ?? { adsMinor: 0, membershipsMinor: 0, storeMinor: 0, refundsMinor: 0 };
        // Revenue is what the account was credited; a refund is what it was debited, shown as negative.
        sums[COLUMNS[row.account]] += row.creditMinor - row.debitMinor;
        byMonth.set(row.month, sums);
      }
      const followersAt = new Map(followers.map((f) => [f.month, f.followers]));
      const months: RevenueMonthDto[] = monthRange(from, to).map((month) => {
        const s = byMonth.get(month) ?? { adsMinor: 0, membershipsMinor: 0, storeMinor: 0, refundsMinor: 0 };
        const netMinor = s.adsMinor + s.membershipsMinor + s.storeMinor + s.refundsMinor;
        const fans = followersAt.get(month) ?? 0;
        return { month, ...s, netMinor, followers: fans, netPer1000FansMinor: fans > 0 ? Math.round((netMinor * 1000) / fans) : null };
      });
      const sum = (column: Column | 'netMinor') => months.reduce((n, m) => n + m[column], 0);

      const sponsored = comparison.kinds.find((k) => k.kind === 'sponsored');
      const sponsoredArticles = sponsored?.articles ?? 0;
      const followersLost = sponsored?.unfollows ?? 0;
      const adRevenueMinor = sponsored?.revenue.find((r) => r.currency === currency)?.amountMinor ?? 0;
      const membershipRevenueMinor = sum('membershipsMinor');
      const averageFollowers = months.reduce((n, m) => n + m.followers, 0) / months.length;
      const adsKnown = adRevenueMinor > 0 && followersLost > 0;
      const membersKnown = membershipRevenueMinor > 0 && averageFollowers > 0;
      // Compared unrounded: ad fee per follower lost against membership revenue per average follower.
      const adsPerFan = adsKnown ? adRevenueMinor / followersLost : 0;
      const membersPerFan = membersKnown ? membershipRevenueMinor / averageFollowers : 0;
      const verdict = !adsKnown || !membersKnown ? 'not_enough_data' : membersPerFan > adsPerFan ? 'members' : adsPerFan > membersPerFan ? 'ads' : 'even';

      const inRange = memberships.months.filter((m) => m.month >= from && m.month <= to).sort((a, b) => a.month.localeCompare(b.month));
      return {
        from,
        to,
        currency,
        currencies: [...currencies].sort(),
        months,
        totals: {
          adsMinor: sum('adsMinor'),
          membershipsMinor: membershipRevenueMinor,
          storeMinor: sum('storeMinor'),
          refundsMinor: sum('refundsMinor'),
          netMinor: sum('netMinor'),
        },
        memberships: {
          months: inRange.map((m) => ({
            month: m.month,
            mrrMinor: m.mrrMinor,
            newMembers: m.newMembers,
            churnedMembers: m.churnedMembers,
            activeAtStart: m.activeAtStart,
            churnRate: m.activeAtStart > 0 ? Math.round((m.churnedMembers / m.activeAtStart) * 10_000) / 10_000 : null,
          })),
          cancellationReasons: [...memberships.cancellationReasons].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
        },
        adsOrMembers: {
          sponsoredArticles,
          followersLost,
          adRevenueMinor,
          adRevenuePerArticleMinor: adRevenueMinor > 0 ? perUnit(adRevenueMinor, sponsoredArticles) : null,
          adRevenuePerFollowerLostMinor: adRevenueMinor > 0 ? perUnit(adRevenueMinor, followersLost) : null,
          membershipRevenueMinor,
          averageFollowers: Math.round(averageFollowers * 100) / 100,
          membershipRevenuePerFanMinor: membershipRevenueMinor > 0 ? perUnit(membershipRevenueMinor, averageFollowers) : null,
          verdict,
        },
      };
    },
  };
}
export type RevenueService = ReturnType<typeof createRevenueService>;
