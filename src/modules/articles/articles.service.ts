import { requireFan, requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type PageQuery } from '../../core/pagination.ts';
import type { PendingActivity, TimelineService } from '../timeline/timeline.service.ts';
import type { WomService } from '../wom/wom.service.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import { ARTICLE_FEE_SOURCE, syncAdFee } from './article-fees.ts';
import type { ArticlesRepository } from './articles.repository.ts';
import {
  per1000,
  toAdminArticleDto,
  toPublicArticleDto,
  toPublicArticleSummaryDto,
  type AdminArticleDto,
  type AdminArticleListQuery,
  type ArticleInput,
} from './articles.schemas.ts';
import type { ChannelService } from '../channel/channel.service.ts';
import { ARTICLE_KINDS } from './articles.table.ts';
import { renderMarkdown } from './markdown.ts';

const columnsOf = (input: ArticleInput) => ({
  title: input.title,
  summary: input.summary,
  coverUrl: input.coverUrl,
  bodyMarkdown: input.bodyMarkdown,
  bodyHtml: renderMarkdown(input.bodyMarkdown),
  kind: input.kind,
  advertiser: input.kind === 'sponsored' ? input.advertiser : null,
  adFeeMinor: input.kind === 'sponsored' ? (input.adFee?.amountMinor ?? null) : null,
  adFeeCurrency: input.kind === 'sponsored' ? (input.adFee?.currency ?? null) : null,
});

/** Articles: staff write and publish them; fans read and share them; each article's effect on fans is counted. */
export function createArticlesService(deps: {
  repo: ArticlesRepository;
  channel: ChannelService;
  timeline: TimelineService;
  wom: WomService;
  ledger: LedgerService;
}) {
  const { repo, channel, timeline, wom, ledger } = deps;

  async function load(ctx: Ctx, id: string) {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw notFound('article.not_found');
    return row;
  }

  /** Ad revenue per currency, from the ledger: the fees of sponsored articles ever published, as they stand now. */
  async function adRevenue(ctx: Ctx) {
    const sums = await ledger.sourceSums(ctx, { source: ARTICLE_FEE_SOURCE, account: 'ad_revenue' });
    return sums.filter((s) => s.amountMinor !== 0).map((s) => ({ currency: s.currency, amountMinor: 0 - s.amountMinor }));
  }

  return {
    /**
     * Unfollow attribution (an enricher: the unfollow's own answer shows it): to the article the
     * unfollow happened on, else to the last article the fan read within the window before it.
     * Stored on the activity, so it never changes later.
     */
    async attributeUnfollow(tx: Ctx, activity: PendingActivity) {
      if (activity.kind !== 'unfollowed' || activity.articleId) return;
      const hours = (await channel.settings(tx)).unfollowWindowHours;
      activity.attributeToLastRead = { since: new Date(activity.at.getTime() - hours * 3600_000), data: { attributedBy: 'last_read', windowHours: hours } };
    },
    /** A follow through a share link of an article counts for that article too (an enricher). */
    async creditShareFollow(tx: Ctx, activity: PendingActivity) {
      if (activity.kind !== 'followed' || activity.articleId || !activity.source?.startsWith('share:')) return;
      activity.articleId = await wom.articleOf(tx, activity.source.slice('share:'.length));
    },

    async create(ctx: Ctx, input: ArticleInput): Promise<AdminArticleDto> {
      requireStaff(ctx);
      const now = ctx.now();
      const row = await repo.insert(ctx.db, {
        id: newId(),
        ...columnsOf(input),
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        createdAt: now,
        updatedAt: now,
      });
      return toAdminArticleDto(row);
    },

    /** An article that was ever published has its fee in the ledger: a fee change posts the difference, in the same transaction. */
    async update(ctx: Ctx, id: string, input: ArticleInput): Promise<AdminArticleDto> {
      requireStaff(ctx);
      return inTransaction(ctx, async (tx) => {
        const row = await repo.update(tx.db, id, { ...columnsOf(input), updatedAt: tx.now() });
        if (!row) throw notFound('article.not_found');
        if (row.firstPublishedAt) await syncAdFee(tx, ledger, row);
        return toAdminArticleDto(await load(tx, id));
      });
    },

    async get(ctx: Ctx, id: string): Promise<AdminArticleDto> {
      requireStaff(ctx);
      return toAdminArticleDto(await load(ctx, id));
    },

    async list(ctx: Ctx, q: AdminArticleListQuery): Promise<Page<AdminArticleDto>> {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, { ...q, limit: q.pageSize, offset: offsetOf(q) });
      return { items: rows.map(toAdminArticleDto), total, page: q.page, pageSize: q.pageSize };
    },

    /** A sponsored article's first publication records its fee in the ledger, in the same transaction. */
    async publish(ctx: Ctx, id: string): Promise<AdminArticleDto> {
      requireStaff(ctx);
      return inTransaction(ctx, async (tx) => {
        const current = await load(tx, id);
        if (current.status !== 'published') {
          const now = tx.now();
          const row = await repo.update(tx.db, id, { status: 'published', publishedAt: now, firstPublishedAt: current.firstPublishedAt ?? now, updatedAt: now });
          if (row) await syncAdFee(tx, ledger, row);
        }
        return toAdminArticleDto(await load(tx, id));
      });
    },

    async unpublish(ctx: Ctx, id: string): Promise<AdminArticleDto> {
      requireStaff(ctx);
      await load(ctx, id);
      await repo.update(ctx.db, id, { status: 'draft', updatedAt: ctx.now() });
      return toAdminArticleDto(await load(ctx, id));
    },

    /** Only drafts that were never public: a published article keeps its history (unpublish instead). */
    async remove(ctx: Ctx, id: string): Promise<void> {
      requireStaff(ctx);
      const row = await load(ctx, id);
      if (row.firstPublishedAt) {
        throw new AppError('article.was_published');
      }
      await repo.delete(ctx.db, id);
    },

    async feed(ctx: Ctx, q: PageQuery) {
      const { rows, total } = await repo.listPublished(ctx.db, q.pageSize, offsetOf(q));
      return { items: rows.map(toPublicArticleSummaryDto), total, page: q.page, pageSize: q.pageSize };
    },

    async getPublished(ctx: Ctx, id: string) {
      const row = await repo.findPublished(ctx.db, id);
      if (!row) throw notFound('article.not_found');
      return toPublicArticleDto(row);
    },

    /**
     * One view of a published article. A signed-in fan's view is a `read` activity (the first
     * one per fan is a unique read), counted by the articles consumer; a visitor's view only
     * counts here. Cost: a fan's 1 SELECT + 2 INSERTs, a visitor's 1 SELECT + 1 UPDATE.
     */
    async recordView(ctx: Ctx, id: string): Promise<{ uniqueRead: boolean }> {
      if (!(await repo.findPublished(ctx.db, id))) throw notFound('article.not_found');
      if (ctx.actor.kind !== 'fan') {
        await repo.bumpVisitorView(ctx.db, id);
        return { uniqueRead: false };
      }
      const fanId = ctx.actor.fanId;
      return inTransaction(ctx, async (tx) => {
        const at = tx.now();
        const first = await repo.addReader(tx.db, id, fanId, at);
        await timeline.record(tx, { fanId, kind: 'read', source: 'direct', articleId: id, data: { first }, at });
        return { uniqueRead: first };
      });
    },

    /** The fan's share link for this article; every share is a `shared` activity. */
    async share(ctx: Ctx, id: string) {
      const fanId = requireFan(ctx);
      if (!(await repo.findPublished(ctx.db, id))) throw notFound('article.not_found');
      return inTransaction(ctx, async (tx) => {
        const link = await wom.shareLinkFor(tx, fanId, id);
        await timeline.record(tx, { fanId, kind: 'shared', source: 'direct', articleId: id, data: { code: link.code } });
        return { code: link.code, url: link.url };
      });
    },

    /** Ads vs original content, side by side, over every article ever published. */
    async kindComparison(ctx: Ctx) {
      requireStaff(ctx);
      const [totals, revenue, settings] = await Promise.all([repo.totalsByKind(ctx.db), adRevenue(ctx), channel.settings(ctx)]);
      return {
        windowHours: settings.unfollowWindowHours,
        kinds: ARTICLE_KINDS.map((kind) => {
          const t = totals.find((r) => r.kind === kind) ?? { articles: 0, views: 0, uniqueReads: 0, follows: 0, unfollows: 0 };
          return {
            kind,
            articles: t.articles,
            views: t.views,
            uniqueReads: t.uniqueReads,
            follows: t.follows,
            unfollows: t.unfollows,
            unfollowsPer1000Reads: per1000(t.unfollows, t.uniqueReads),
            followsPer1000Reads: per1000(t.follows, t.uniqueReads),
            revenue: kind === 'sponsored' ? revenue : [],
          };
        }),
      };
    },
  };
}
export type ArticlesService = ReturnType<typeof createArticlesService>;
