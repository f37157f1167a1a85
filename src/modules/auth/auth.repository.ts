import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions } from './auth.table.ts';

export type SessionKind = 'staff' | 'fan';

export const authRepository = {
  async insert(db: Db, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async findLive(db: Db, tokenHash: string, kind: SessionKind, now: Date) {
    const [row] = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), eq(sessions.kind, kind), gt(sessions.expiresAt, now)))
      .limit(1);
    return row;
  },
  async delete(db: Db, tokenHash: string) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },
  async deleteForSubject(db: Db, kind: SessionKind, subjectId: string) {
    await db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.subjectId, subjectId)));
  },
  async deleteExpired(db: Db, now: Date) {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
  },
};
export type AuthRepository = typeof authRepository;
