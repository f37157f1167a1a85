import type {
  AdminArticleDto,
  ArticleStatsDto,
  KindComparisonDto,
  PublicArticleDto,
  PublicArticleSummaryDto,
  ShareDto,
} from '@server/modules/articles/articles.schemas.ts';

export const ARTICLE_KINDS = ['original', 'repost', 'sponsored'] as const;
/** `sponsored` is an ad: it names an advertiser and carries a fee. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_SORTS = ['newest', 'net_fans', 'unfollows', 'reads'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** What each article did to the fan base. */
export type ArticleStats = ArticleStatsDto;
/** An article in the fan site's feed. */
export type ArticleSummary = PublicArticleSummaryDto;
/** One published article; `bodyHtml` was sanitised by the server. */
export type PublicArticle = PublicArticleDto;

export interface ArticlePage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An article as staff see it: source, fee, status and its stats. */
export type AdminArticle = AdminArticleDto;

export interface AdminArticleListParams {
  status?: ArticleStatus;
  kind?: ArticleKind;
  sort: ArticleSort;
  page: number;
  pageSize: number;
}

export interface ArticleInput {
  title: string;
  summary: string;
  coverUrl: string | null;
  bodyMarkdown: string;
  kind: ArticleKind;
  advertiser: string | null;
  adFee: { amountMinor: number; currency?: string } | null;
}

/** Ads vs original: each kind's totals over every article ever published, and the attribution window. */
export type KindComparison = KindComparisonDto;
export type KindTotals = KindComparison['kinds'][number];
export type ShareLink = ShareDto;
