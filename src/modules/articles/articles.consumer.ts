import type { Ctx } from '../../core/context.ts';
import type { Consumer } from '../../platform/stream/stream.runner.ts';
import type { Activity, TimelineService } from '../timeline/timeline.service.ts';
import type { ArticleCounts, ArticlesRepository } from './articles.repository.ts';

export const ARTICLES_CONSUMER = 'articles.counters';

/**
 * Per-article counters from the stream: fans' reads (views), first reads (unique reads), shares,
 * follows through the article and unfollows attributed to it. One UPDATE per batch.
 */
export function createArticlesConsumer(deps: { repo: ArticlesRepository; timeline: TimelineService }): Consumer<Activity> {
  const { repo, timeline } = deps;
  return {
    name: ARTICLES_CONSUMER,
    batchSize: 5_000,
    async apply(tx: Ctx, activities: Activity[]) {
      const byArticle = new Map<string, ArticleCounts>();
      for (const a of activities) {
        if (!a.articleId) continue;
        const c = byArticle.get(a.articleId) ?? { articleId: a.articleId, views: 0, uniqueReads: 0, shares: 0, follows: 0, unfollows: 0 };
        if (a.kind === 'read') {
          c.views += 1;
          if (a.data.first) c.uniqueReads += 1;
        } else if (a.kind === 'shared') c.shares += 1;
        else if (a.kind === 'followed') c.follows += 1;
        else if (a.kind === 'unfollowed') c.unfollows += 1;
        else continue;
        byArticle.set(a.articleId, c);
      }
      await repo.addCounts(tx.db, [...byArticle.values()]);
    },
    async rebuild(tx: Ctx, { below }) {
      await repo.resetCounts(tx.db);
      const rows = await timeline.countsByArticle(tx, below);
      await repo.addCounts(
        tx.db,
        rows.map((r) => ({ articleId: r.articleId, views: r.reads, uniqueReads: r.firstReads, shares: r.shares, follows: r.follows, unfollows: r.unfollows })),
      );
    },
  };
}
