import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * A fan's share link `/s/<code>` for an article (or, without an article, for the channel).
 * One code per fan and target, reused when the fan shares again.
 */
export const shareLinks = pgTable(
  'share_links',
  {
    code: text('code').primaryKey(),
    fanId: uuid('fan_id').notNull(),
    articleId: uuid('article_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('share_links_fan_article_key').on(t.fanId, t.articleId).nullsNotDistinct(), index('share_links_article_idx').on(t.articleId)],
);
