import type { Ctx } from '../../core/context.ts';

/** A membership tier as members-only articles need it. */
export type ArticleTier = { id: string; name: string; rank: number; status: 'active' | 'archived' };

/**
 * What articles ask memberships (wired in the container): the rank the reader holds now, and
 * tiers by id. Ranks are read at every request, so a tier's new rank or a lapsed membership
 * applies at once.
 */
export type ArticleAccess = {
  /** The rank of the tier the signed-in fan holds now; 0 for no membership, a visitor or staff. */
  rankOf(ctx: Ctx): Promise<number>;
  /** These tiers (archived ones too); an unknown id is missing from the map. */
  tiers(ctx: Ctx, ids: string[]): Promise<Map<string, ArticleTier>>;
};

/** What a reader may see of one article: the body only when not locked. */
export type ReaderView = { locked: boolean; requiredTier: { id: string; name: string } | null };

const OPEN: ReaderView = { locked: false, requiredTier: null };

/**
 * Decides, for one reader, which of these articles are locked. Staff and the system read every
 * body; a fan reads a members-only body while holding a tier of at least its tier's rank; a
 * visitor never does. An article whose tier cannot be found stays locked.
 * Cost: nothing when no article is members-only, else one tier lookup and the reader's rank.
 */
export async function readerViews(ctx: Ctx, access: ArticleAccess, articles: { id: string; membersTierId: string | null }[]): Promise<Map<string, ReaderView>> {
  const views = new Map<string, ReaderView>();
  const tierIds = [...new Set(articles.map((a) => a.membersTierId).filter((id): id is string => id !== null))];
  if (tierIds.length === 0) {
    for (const a of articles) views.set(a.id, OPEN);
    return views;
  }
  const staff = ctx.actor.kind === 'staff' || ctx.actor.kind === 'system';
  const [tiers, rank] = await Promise.all([access.tiers(ctx, tierIds), staff ? Promise.resolve(Number.POSITIVE_INFINITY) : access.rankOf(ctx)]);
  for (const a of articles) {
    if (a.membersTierId === null) {
      views.set(a.id, OPEN);
      continue;
    }
    const tier = tiers.get(a.membersTierId);
    views.set(a.id, {
      locked: !staff && (tier === undefined || rank < tier.rank),
      requiredTier: { id: a.membersTierId, name: tier?.name ?? '' },
    });
  }
  return views;
}
