import { LRUCache } from 'lru-cache';
import type { Ctx } from '../../core/context.ts';
import { hashSecret, newSecret } from '../../core/ids.ts';
import { batchedReads } from '../../platform/batching/batched-reads.ts';
import type { AuthRepository, SessionKind } from './auth.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/**
 * How long a fan's live session is remembered in this process (no query for it meanwhile: a
 * festival's attempts are answered from memory). A sign-out in this process applies at once; one
 * in another server process applies here within this time. Staff sessions are read every time.
 */
export const FAN_SESSION_CACHE_MS = 5_000;

/**
 * Cookie sessions for staff and fans: a random token in the cookie, its hash in the database.
 * Also the password hashing that every account with a password uses (argon2id, see passwords.ts).
 */
export function createAuthService(repo: AuthRepository) {
  const fanSessions = new LRUCache<string, { subjectId: string; expiresAt: Date; readAt: number }>({ max: 200_000 });
  // Sessions asked for in the same tick are read in one statement (a festival's cold fans arrive together).
  const sessionByHash = batchedReads(async (db, hashes: readonly string[]) => new Map((await repo.findByHashes(db, hashes)).map((r) => [r.tokenHash, r])));
  return {
    hashPassword,
    /** False for a wrong password or a missing hash, after the same work either way. */
    verifyPassword,
    async startSession(ctx: Ctx, kind: SessionKind, subjectId: string) {
      const token = newSecret();
      const expiresAt = new Date(ctx.now().getTime() + SESSION_TTL_MS);
      await repo.insert(ctx.db, { tokenHash: hashSecret(token), kind, subjectId, expiresAt });
      return { token, expiresAt };
    },
    /** The subject id of a live session, or undefined. */
    async resolveSession(ctx: Ctx, kind: SessionKind, token: string) {
      const tokenHash = hashSecret(token);
      const now = ctx.now();
      if (kind === 'fan') {
        const known = fanSessions.get(tokenHash);
        if (known && known.expiresAt > now && now.getTime() - known.readAt < FAN_SESSION_CACHE_MS) return known.subjectId;
      }
      const found = await sessionByHash(ctx.db, tokenHash);
      const row = found && found.kind === kind && found.expiresAt > now ? found : undefined;
      if (row && kind === 'fan') fanSessions.set(tokenHash, { subjectId: row.subjectId, expiresAt: row.expiresAt, readAt: now.getTime() });
      return row?.subjectId;
    },
    async endSession(ctx: Ctx, token: string) {
      const tokenHash = hashSecret(token);
      fanSessions.delete(tokenHash);
      await repo.delete(ctx.db, tokenHash);
    },
    async endAllSessions(ctx: Ctx, kind: SessionKind, subjectId: string) {
      if (kind === 'fan') for (const [hash, s] of fanSessions.entries()) if (s.subjectId === subjectId) fanSessions.delete(hash);
      await repo.deleteForSubject(ctx.db, kind, subjectId);
    },
    async purgeExpired(ctx: Ctx) {
      await repo.deleteExpired(ctx.db, ctx.now());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
