import { and, eq, lt, sql } from 'drizzle-orm';
import { pgArray } from '../../db/pg-array.ts';
import type { Db } from '../../db/client.ts';
import { sessions } from './auth.table.ts';

export type SessionKind = 'staff' | 'fan';

export const authRepository = {
  async insert(db: Db, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  /** The sessions of these token hashes, live or not (the service checks kind and expiry). */
  async findByHashes(db: Db, tokenHashes: readonly string[]) {
    return db
      .select({ tokenHash: sessions.tokenHash, kind: sessions.kind, subjectId: sessions.subjectId, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(sql`${sessions.tokenHash} = any(${pgArray(tokenHashes)}::text[])`);
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
