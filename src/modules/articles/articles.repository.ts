import { and, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { articleReaders, articles, articleStats, type ArticleKind } from './articles.table.ts';

export type ArticleRow = typeof articles.$inferSelect;
type StatsRow = Omit<typeof articleStats.$inferSelect, 'articleId'>;
export type ArticleWithStats = ArticleRow & { stats: StatsRow };
export type ArticleCounts = { articleId: string; views: number; uniqueReads: number; shares: number; follows: number; unfollows: number };

const ZERO: StatsRow = { views: 0, visitorViews: 0, uniqueReads: 0, shares: 0, follows: 0, unfollows: 0 };
const statsColumns = {
  views: articleStats.views,
  visitorViews: articleStats.visitorViews,
  uniqueReads: articleStats.uniqueReads,
  shares: articleStats.shares,
  follows: articleStats.follows,
  unfollows: articleStats.unfollows,
};

const withStats = (r: { article: ArticleRow; stats: StatsRow | null }): ArticleWithStats => ({
  ...r.article,
  stats: r.stats ?? ZERO,
});

const SORTS = {
  newest: [desc(articles.createdAt), desc(articles.id)],
  net_fans: [desc(sql`${articleStats.follows} - ${articleStats.unfollows}`), desc(articles.createdAt)],
  unfollows: [desc(articleStats.unfollows), desc(articles.createdAt)],
  reads: [desc(articleStats.uniqueReads), desc(articles.createdAt)],
} as const;

export const articlesRepository = {
  async insert(db: Db, row: typeof articles.$inferInsert): Promise<ArticleWithStats> {
    const [created] = await db.insert(articles).values(row).returning();
    await db.insert(articleStats).values({ articleId: created!.id });
    return { ...created!, stats: ZERO };
  },
  async update(db: Db, id: string, values: Partial<typeof articles.$inferInsert>): Promise<ArticleRow | undefined> {
    const [row] = await db.update(articles).set(values).where(eq(articles.id, id)).returning();
    return row;
  },
  async findById(db: Db, id: string): Promise<ArticleWithStats | undefined> {
    const [row] = await db
      .select({ article: articles, stats: statsColumns })
      .from(articles)
      .leftJoin(articleStats, eq(articleStats.articleId, articles.id))
      .where(eq(articles.id, id))
      .limit(1);
    return row ? withStats(row) : undefined;
  },
  async findPublished(db: Db, id: string): Promise<ArticleRow | undefined> {
    const [row] = await db
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), eq(articles.status, 'published')))
      .limit(1);
    return row;
  },
  async list(
    db: Db,
    f: { status?: 'draft' | 'published'; kind?: ArticleKind; sort: keyof typeof SORTS; limit: number; offset: number },
  ): Promise<{ rows: ArticleWithStats[]; total: number }> {
    const conds: SQL[] = [];
    if (f.status) conds.push(eq(articles.status, f.status));
    if (f.kind) conds.push(eq(articles.kind, f.kind));
    const where = conds.length ? and(...conds) : undefined;
    const [rows, [total]] = await Promise.all([
      db
        .select({ article: articles, stats: statsColumns })
        .from(articles)
        .leftJoin(articleStats, eq(articleStats.articleId, articles.id))
        .where(where)
        .orderBy(...SORTS[f.sort])
        .limit(f.limit)
        .offset(f.offset),
      db.select({ n: count() }).from(articles).where(where),
    ]);
    return { rows: rows.map(withStats), total: total?.n ?? 0 };
  },
  /** The fan feed: published, newest first (index articles_feed_idx). */
  async listPublished(db: Db, limit: number, offset: number): Promise<{ rows: ArticleRow[]; total: number }> {
    const where = eq(articles.status, 'published');
    const [rows, [total]] = await Promise.all([
      db.select().from(articles).where(where).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(limit).offset(offset),
      db.select({ n: count() }).from(articles).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.delete(articles).where(eq(articles.id, id));
  },
  /** Cost: one single-row UPDATE (the article's counter row). */
  /** A visitor's view: no activity, so it is counted here (and kept apart for rebuilds). */
  async bumpVisitorView(db: Db, articleId: string): Promise<void> {
    await db
      .update(articleStats)
      .set({ views: sql`${articleStats.views} + 1`, visitorViews: sql`${articleStats.visitorViews} + 1` })
      .where(eq(articleStats.articleId, articleId));
  },
  /** Adds counts from the activity stream: one UPDATE for the whole batch. */
  async addCounts(db: Db, rows: ArticleCounts[]): Promise<void> {
    if (rows.length === 0) return;
    const values = sql.join(
      rows.map(
        (r) => sql`(${r.articleId}::uuid, ${r.views}::bigint, ${r.uniqueReads}::bigint, ${r.shares}::bigint, ${r.follows}::bigint, ${r.unfollows}::bigint)`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      update ${articleStats} s set views = s.views + v.views, unique_reads = s.unique_reads + v.unique_reads, shares = s.shares + v.shares,
        follows = s.follows + v.follows, unfollows = s.unfollows + v.unfollows
      from (values ${values}) as v(article_id, views, unique_reads, shares, follows, unfollows) where s.article_id = v.article_id`);
  },
  /** Back to what the stream does not hold (visitors' views), before a rebuild adds the rest. */
  async resetCounts(db: Db): Promise<void> {
    await db.update(articleStats).set({ views: articleStats.visitorViews, uniqueReads: 0, shares: 0, follows: 0, unfollows: 0 });
  },
  /** True the first time this fan reads this article. */
  async addReader(db: Db, articleId: string, fanId: string, at: Date): Promise<boolean> {
    const rows = await db.insert(articleReaders).values({ articleId, fanId, firstReadAt: at }).onConflictDoNothing().returning({ fanId: articleReaders.fanId });
    return rows.length > 0;
  },
  /** Totals per kind over every article that was ever published. */
  async totalsByKind(db: Db) {
    return db
      .select({
        kind: articles.kind,
        articles: count(),
        views: sql<number>`coalesce(sum(${articleStats.views}), 0)`.mapWith(Number),
        uniqueReads: sql<number>`coalesce(sum(${articleStats.uniqueReads}), 0)`.mapWith(Number),
        follows: sql<number>`coalesce(sum(${articleStats.follows}), 0)`.mapWith(Number),
        unfollows: sql<number>`coalesce(sum(${articleStats.unfollows}), 0)`.mapWith(Number),
      })
      .from(articles)
      .leftJoin(articleStats, eq(articleStats.articleId, articles.id))
      .where(isNotNull(articles.firstPublishedAt))
      .groupBy(articles.kind);
  },
};
export type ArticlesRepository = typeof articlesRepository;
