import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { membershipTiers } from '../memberships/memberships.table.ts';

export const ARTICLE_KINDS = ['original', 'repost', 'sponsored'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export const ARTICLE_STATUSES = ['draft', 'published'] as const;

/** Staff-written content. `bodyHtml` is the sanitised rendering of `bodyMarkdown`, made on save. */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    coverUrl: text('cover_url'),
    bodyMarkdown: text('body_markdown').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    kind: text('kind', { enum: ARTICLE_KINDS }).notNull().default('original'),
    /** Sponsored articles (ads) only. */
    advertiser: text('advertiser'),
    adFeeMinor: bigint('ad_fee_minor', { mode: 'number' }),
    adFeeCurrency: text('ad_fee_currency'),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    /**
     * Members-only: fans read the body only while they hold this tier or one of higher rank
     * (ranks compared when read, so a tier's new rank applies at once); null, everyone reads it.
     * A tier an article names cannot be deleted.
     */
    membersTierId: uuid('members_tier_id').references(() => membershipTiers.id, { onDelete: 'restrict' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Set on first publication; an article that was ever public is unpublished, never deleted. */
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_feed_idx').on(t.status, t.publishedAt.desc(), t.id),
    check('articles_kind_check', sql`${t.kind} in ('original', 'repost', 'sponsored')`),
    check('articles_status_check', sql`${t.status} in ('draft', 'published')`),
    check(
      'articles_sponsored_check',
      sql`(${t.kind} = 'sponsored') = (${t.advertiser} is not null and ${t.adFeeMinor} is not null and ${t.adFeeCurrency} is not null)`,
    ),
    check('articles_fee_check', sql`${t.adFeeMinor} is null or ${t.adFeeMinor} >= 0`),
  ],
);

/**
 * Per-article counters, so the article list never counts over millions of activities. The
 * articles consumer keeps them from the activity stream (fans' reads, unique reads, shares,
 * follows, attributed unfollows); a visitor's view is no activity and is counted here directly,
 * in `visitor_views` as well as `views`, so a rebuild from the stream restores `views` exactly.
 */
export const articleStats = pgTable('article_stats', {
  articleId: uuid('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  views: bigint('views', { mode: 'number' }).notNull().default(0),
  visitorViews: bigint('visitor_views', { mode: 'number' }).notNull().default(0),
  uniqueReads: bigint('unique_reads', { mode: 'number' }).notNull().default(0),
  shares: bigint('shares', { mode: 'number' }).notNull().default(0),
  follows: bigint('follows', { mode: 'number' }).notNull().default(0),
  unfollows: bigint('unfollows', { mode: 'number' }).notNull().default(0),
});

/** Which fans have read which article: decides whether a read is a unique read. */
export const articleReaders = pgTable(
  'article_readers',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    fanId: uuid('fan_id').notNull(),
    firstReadAt: timestamp('first_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.fanId] })],
);
