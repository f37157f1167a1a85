import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../core/context.ts';
import type { WomRepository } from './wom.repository.ts';

/** 10 URL-safe characters: short enough to type from a poster, ~60 bits against guessing. */
const newShareCode = () => randomBytes(8).toString('base64url').slice(0, 10);

/** Share links. Attribution of visits and sign-ups to them arrives with the word-of-mouth report. */
export function createWomService(deps: { repo: WomRepository; publicBaseUrl: string }) {
  const { repo, publicBaseUrl } = deps;
  return {
    /** The fan's link for this article (created on first share, reused after). */
    async shareLinkFor(ctx: Ctx, fanId: string, articleId: string | null) {
      const existing = await repo.findByFanAndArticle(ctx.db, fanId, articleId);
      const row = existing ?? (await repo.insertOrGet(ctx.db, { code: newShareCode(), fanId, articleId, createdAt: ctx.now() }));
      return { code: row.code, url: `${publicBaseUrl}/s/${row.code}`, created: !existing };
    },
    /** The article a share code points at, if any. */
    async articleOf(ctx: Ctx, code: string): Promise<string | null> {
      return (await repo.findByCode(ctx.db, code))?.articleId ?? null;
    },
    /** Where a share link leads on the fan site, or undefined for an unknown code. */
    async resolve(ctx: Ctx, code: string): Promise<string | undefined> {
      const row = await repo.findByCode(ctx.db, code);
      if (!row) return undefined;
      const query = `?share=${encodeURIComponent(row.code)}`;
      return row.articleId ? `/articles/${row.articleId}${query}` : `/${query}`;
    },
  };
}
export type WomService = ReturnType<typeof createWomService>;
