import { z } from 'zod';
import { isoDate } from '../../core/fields.ts';
import { moneySchema } from '../../core/money.ts';
import { pageOf, pageQuery } from '../../core/pagination.ts';
import { ARTICLE_KINDS, ARTICLE_STATUSES } from './articles.table.ts';
import type { ArticleRow, ArticleWithStats } from './articles.repository.ts';
import type { ReaderView } from './article-access.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);

export const articleBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    summary: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    coverUrl: httpUrl.nullable().default(null),
    bodyMarkdown: z.string().max(200_000, 'must be at most 200,000 characters').default(''),
    kind: z.enum(ARTICLE_KINDS).default('original'),
    advertiser: z.string().trim().min(1).max(120).nullable().default(null),
    adFee: moneySchema.nullable().default(null),
    /** Members-only: fans of this tier or a higher-ranked one read the body; null, everyone. */
    membersTierId: z.uuid().nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'sponsored') {
      if (!a.advertiser) ctx.addIssue({ code: 'custom', path: ['advertiser'], message: 'is required for a sponsored article', params: { issue: 'required' } });
      if (!a.adFee) ctx.addIssue({ code: 'custom', path: ['adFee'], message: 'is required for a sponsored article', params: { issue: 'required' } });
    } else {
      if (a.advertiser)
        ctx.addIssue({ code: 'custom', path: ['advertiser'], message: 'only a sponsored article has an advertiser', params: { issue: 'sponsored_only' } });
      if (a.adFee) ctx.addIssue({ code: 'custom', path: ['adFee'], message: 'only a sponsored article has an ad fee', params: { issue: 'sponsored_only' } });
    }
  });
export type ArticleInput = z.infer<typeof articleBody>;

export const articleStatsDto = z.object({
  views: z.number().int(),
  uniqueReads: z.number().int(),
  shares: z.number().int(),
  follows: z.number().int(),
  unfollows: z.number().int(),
  netFans: z.number().int(),
});

const articleBase = {
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  coverUrl: z.string().nullable(),
  kind: z.enum(ARTICLE_KINDS),
  advertiser: z.string().nullable(),
  publishedAt: isoDate.nullable(),
};

const tierRef = z.object({ id: z.uuid(), name: z.string() });

/** What staff see. */
export const adminArticleDto = z.object({
  ...articleBase,
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  adFee: moneySchema.nullable(),
  /** Members-only: the tier (and higher ones) whose members read it; null, everyone. */
  membersTier: tierRef.extend({ rank: z.number().int(), status: z.enum(['active', 'archived']) }).nullable(),
  status: z.enum(ARTICLE_STATUSES),
  createdAt: isoDate,
  updatedAt: isoDate,
  stats: articleStatsDto,
});
export type AdminArticleDto = z.infer<typeof adminArticleDto>;

/**
 * What fans see: no markdown source, no fee. A members-only article names its tier; `locked`
 * when this reader does not hold it (or a higher one), and then the body is null: the summary
 * is all a locked article shows.
 */
export const publicArticleSummaryDto = z.object({ ...articleBase, locked: z.boolean(), requiredTier: tierRef.nullable() });
export const publicArticleDto = publicArticleSummaryDto.extend({ bodyHtml: z.string().nullable() });

export const adminArticleListQuery = pageQuery.extend({
  status: z.enum(ARTICLE_STATUSES).optional(),
  kind: z.enum(ARTICLE_KINDS).optional(),
  sort: z.enum(['newest', 'net_fans', 'unfollows', 'reads']).default('newest'),
});
export type AdminArticleListQuery = z.infer<typeof adminArticleListQuery>;
export const adminArticlePage = pageOf(adminArticleDto);
export const publicArticlePage = pageOf(publicArticleSummaryDto);

export const shareDto = z.object({ code: z.string(), url: z.string() });

/** Ads vs original content: the seed's claim, measured on this channel. */
export const kindComparisonDto = z.object({
  windowHours: z.number().int(),
  kinds: z.array(
    z.object({
      kind: z.enum(ARTICLE_KINDS),
      articles: z.number().int(),
      views: z.number().int(),
      uniqueReads: z.number().int(),
      follows: z.number().int(),
      unfollows: z.number().int(),
      unfollowsPer1000Reads: z.number(),
      followsPer1000Reads: z.number(),
      revenue: z.array(moneySchema),
    }),
  ),
});

const per1000 = (n: number, reads: number) => (reads === 0 ? 0 : Math.round((n * 100_000) / reads) / 100);
export { per1000 };

export const toStatsDto = (s: ArticleWithStats['stats']) => ({ ...s, netFans: s.follows - s.unfollows });

const baseOf = (a: ArticleRow) => ({
  id: a.id,
  title: a.title,
  summary: a.summary,
  coverUrl: a.coverUrl,
  kind: a.kind,
  advertiser: a.advertiser,
  publishedAt: a.publishedAt?.toISOString() ?? null,
});

export const toPublicArticleSummaryDto = (a: ArticleRow, view: ReaderView) => ({
  ...baseOf(a),
  locked: view.locked,
  requiredTier: view.requiredTier,
});

/** The body only for a reader the article is not locked for. */
export const toPublicArticleDto = (a: ArticleRow, view: ReaderView) => ({
  ...toPublicArticleSummaryDto(a, view),
  bodyHtml: view.locked ? null : a.bodyHtml,
});

export const toAdminArticleDto = (a: ArticleWithStats, membersTier: AdminArticleDto['membersTier']): AdminArticleDto => ({
  ...baseOf(a),
  membersTier,
  bodyMarkdown: a.bodyMarkdown,
  bodyHtml: a.bodyHtml,
  adFee: a.adFeeMinor === null ? null : { amountMinor: a.adFeeMinor, currency: a.adFeeCurrency ?? 'CNY' },
  status: a.status,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  stats: toStatsDto(a.stats),
});

// Types of what the API answers, for the web app (type-only imports).
export type ArticleStatsDto = z.infer<typeof articleStatsDto>;
export type PublicArticleSummaryDto = z.infer<typeof publicArticleSummaryDto>;
export type PublicArticleDto = z.infer<typeof publicArticleDto>;
export type KindComparisonDto = z.infer<typeof kindComparisonDto>;
export type ShareDto = z.infer<typeof shareDto>;
