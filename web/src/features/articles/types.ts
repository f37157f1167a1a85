import type { Money } from '../../lib/format-money';

export const ARTICLE_KINDS = ['original', 'repost', 'sponsored'] as const;
/** `sponsored` is an ad: it names an advertiser and carries a fee. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_SORTS = ['newest', 'net_fans', 'unfollows', 'reads'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** What each article did to the fan base. */
export interface ArticleStats {
  views: number;
  uniqueReads: number;
  shares: number;
  follows: number;
  unfollows: number;
  netFans: number;
}

/** An article in the fan site's feed. */
export interface ArticleSummary {
  id: string;
  title: string;
  summary: string;
  coverUrl: string | null;
  kind: ArticleKind;
  advertiser: string | null;
  publishedAt: string | null;
}

/** One published article; `bodyHtml` was sanitised by the server. */
export interface PublicArticle extends ArticleSummary {
  bodyHtml: string;
}

export interface ArticlePage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An article as staff see it: source, fee, status and its stats. */
export interface AdminArticle extends ArticleSummary {
  bodyMarkdown: string;
  bodyHtml: string;
  adFee: Money | null;
  status: ArticleStatus;
  createdAt: string;
  updatedAt: string;
  stats: ArticleStats;
}

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

/** One kind's totals over every article ever published. */
export interface KindTotals {
  kind: ArticleKind;
  articles: number;
  views: number;
  uniqueReads: number;
  follows: number;
  unfollows: number;
  unfollowsPer1000Reads: number;
  followsPer1000Reads: number;
  revenue: Money[];
}

export interface KindComparison {
  /** Unfollows are blamed on the last article read within this many hours. */
  windowHours: number;
  kinds: KindTotals[];
}

export interface ShareLink {
  code: string;
  url: string;
}
