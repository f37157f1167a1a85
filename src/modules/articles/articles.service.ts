import { requireFan, requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page, type PageQuery } from '../../core/pagination.ts';
import type { PendingActivity, TimelineService } from '../timeline/timeline.service.ts';
import type { WomService } from '../wom/wom.service.ts';
import type { LedgerService } from '../ledger/ledger.service.ts';
import { ARTICLE_FEE_SOURCE, syncAdFee } from './article-fees.ts';
import { readerViews, type ArticleAccess, type ArticleTier, type ReaderView } from './article-access.ts';
import type { ArticleRow, ArticlesRepository, ArticleWithStats } from './articles.repository.ts';
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
import { renderMarkdown } from '../../core/markdown.ts';

const columnsOf = (input: ArticleInput) => ({
  title: input.title,
  summary: input.summary,
  coverUrl: input.coverUrl,
  bodyMarkdown: input.bodyMarkdown,
  bodyHtml: renderMarkdown(input.bodyMarkdown),
  kind: input.kind,
  membersTierId: input.membersTierId,
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
  /** Memberships, for members-only articles. */
  access: ArticleAccess;
}) {
  const { repo, channel, timeline, wom, ledger, access } = deps;

  async function load(ctx: Ctx, id: string) {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw notFound('article.not_found');
    return row;
  }

  const tierRef = (t: ArticleTier) => ({ id: t.id, name: t.name, rank: t.rank, status: t.status });

  /** Staff's view of articles, with each one's members tier. */
  async function adminDtos(ctx: Ctx, rows: ArticleWithStats[]): Promise<AdminArticleDto[]> {
    const ids = [...new Set(rows.map((r) => r.membersTierId).filter((id): id is string => id !== null))];
    const tiers = ids.length ? await access.tiers(ctx, ids) : new Map<string, ArticleTier>();
    return rows.map((r) => {
      const tier = r.membersTierId ? tiers.get(r.membersTierId) : undefined;
      return toAdminArticleDto(r, tier ? tierRef(tier) : null);
    });
  }
  const adminDto = async (ctx: Ctx, row: ArticleWithStats) => (await adminDtos(ctx, [row]))[0]!;

  /**
   * A members-only article's tier must exist; a newly chosen one must still be offered (an
   * article may keep an archived tier it already had: its members keep it until their period ends).
   */
  async function checkMembersTier(ctx: Ctx, tierId: string | null, current: string | null = null) {
    if (tierId === null) return;
    const tier = (await access.tiers(ctx, [tierId])).get(tierId);
    if (!tier) throw new AppError('membership.tier_not_found');
    if (tier.status !== 'active' && tierId !== current) throw new AppError('membership.tier_archived');
  }

  /** One published article as this reader may see it. */
  async function readable(ctx: Ctx, id: string): Promise<{ row: ArticleRow; view: ReaderView }> {
    const row = await repo.findPublished(ctx.db, id);
    if (!row) throw notFound('article.not_found');
    return { row, view: (await readerViews(ctx, access, [row])).get(row.id)! };
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
      await checkMembersTier(ctx, input.membersTierId);
      const now = ctx.now();
      const row = await repo.insert(ctx.db, {
        id: newId(),
        ...columnsOf(input),
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        createdAt: now,
        updatedAt: now,
      });
      return adminDto(ctx, row);
    },

    /** An article that was ever published has its fee in the ledger: a fee change posts the difference, in the same transaction. */
    async update(ctx: Ctx, id: string, input: ArticleInput): Promise<AdminArticleDto> {
      requireStaff(ctx);
      return inTransaction(ctx, async (tx) => {
        await checkMembersTier(tx, input.membersTierId, (await load(tx, id)).membersTierId);
        const row = await repo.update(tx.db, id, { ...columnsOf(input), updatedAt: tx.now() });
        if (!row) throw notFound('article.not_found');
        if (row.firstPublishedAt) await syncAdFee(tx, ledger, row);
        return adminDto(tx, await load(tx, id));
      });
    },

    async get(ctx: Ctx, id: string): Promise<AdminArticleDto> {
      requireStaff(ctx);
      return adminDto(ctx, await load(ctx, id));
    },

    async list(ctx: Ctx, q: AdminArticleListQuery): Promise<Page<AdminArticleDto>> {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, { ...q, limit: q.pageSize, offset: offsetOf(q) });
      return { items: await adminDtos(ctx, rows), total, page: q.page, pageSize: q.pageSize };
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
        return adminDto(tx, await load(tx, id));
      });
    },

    async unpublish(ctx: Ctx, id: string): Promise<AdminArticleDto> {
      requireStaff(ctx);
      await load(ctx, id);
      await repo.update(ctx.db, id, { status: 'draft', updatedAt: ctx.now() });
      return adminDto(ctx, await load(ctx, id));
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

    /** Summaries (never a body); members-only ones name their tier and say whether they are locked for this reader. */
    async feed(ctx: Ctx, q: PageQuery) {
      const { rows, total } = await repo.listPublished(ctx.db, q.pageSize, offsetOf(q));
      const views = await readerViews(ctx, access, rows);
      return { items: rows.map((r) => toPublicArticleSummaryDto(r, views.get(r.id)!)), total, page: q.page, pageSize: q.pageSize };
    },

    /** The article with its body, or without it (locked) for a reader who does not hold its tier. */
    async getPublished(ctx: Ctx, id: string) {
      const { row, view } = await readable(ctx, id);
      return toPublicArticleDto(row, view);
    },

    /**
     * One view of a published article. A signed-in fan's view is a `read` activity (the first
     * one per fan is a unique read), counted by the articles consumer; a visitor's view only
     * counts here. A locked members-only article was not read (its body was not shown): its
     * view counts nothing. Cost: a fan's 1 SELECT + 2 INSERTs, a visitor's 1 SELECT + 1 UPDATE
     * (a members-only article adds the tier lookup and the fan's rank).
     */
    async recordView(ctx: Ctx, id: string): Promise<{ uniqueRead: boolean }> {
      if ((await readable(ctx, id)).view.locked) return { uniqueRead: false };
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
