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
/**
 * An article in the fan site's feed. A members-only one names its `requiredTier`; `locked` when
 * this reader does not hold that tier (or a higher one).
 */
export type ArticleSummary = PublicArticleSummaryDto;
/** One published article; `bodyHtml` was sanitised by the server, and is null when the article is locked for this reader. */
export type PublicArticle = PublicArticleDto;

/** A membership tier an article can be for (its members and those of higher-ranked tiers read it). */
export interface ReaderTier {
  id: string;
  name: string;
  rank: number;
  status: 'active' | 'archived';
}

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
  /** Members-only: fans of this tier or a higher one read it; null, everyone. */
  membersTierId: string | null;
}

/** Ads vs original: each kind's totals over every article ever published, and the attribution window. */
export type KindComparison = KindComparisonDto;
export type KindTotals = KindComparison['kinds'][number];
export type ShareLink = ShareDto;
