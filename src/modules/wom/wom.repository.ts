import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shareLinks } from './wom.table.ts';

export type ShareLinkRow = typeof shareLinks.$inferSelect;

export const womRepository = {
  async findByFanAndArticle(db: Db, fanId: string, articleId: string | null): Promise<ShareLinkRow | undefined> {
    const [row] = await db
      .select()
      .from(shareLinks)
      .where(and(eq(shareLinks.fanId, fanId), articleId ? eq(shareLinks.articleId, articleId) : isNull(shareLinks.articleId)))
      .limit(1);
    return row;
  },
  /** Inserts unless the fan already has a link for this target; returns the row either way. */
  async insertOrGet(db: Db, row: typeof shareLinks.$inferInsert): Promise<ShareLinkRow> {
    const [created] = await db.insert(shareLinks).values(row).onConflictDoNothing().returning();
    return created ?? (await womRepository.findByFanAndArticle(db, row.fanId, row.articleId ?? null))!;
  },
  async findByCode(db: Db, code: string): Promise<ShareLinkRow | undefined> {
    const [row] = await db.select().from(shareLinks).where(eq(shareLinks.code, code)).limit(1);
    return row;
  },
};
export type WomRepository = typeof womRepository;
