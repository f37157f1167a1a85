import type { Ctx } from '../../core/context.ts';
import { hashSecret, newSecret } from '../../core/ids.ts';
import type { AuthRepository, SessionKind } from './auth.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * Cookie sessions for staff and fans: a random token in the cookie, its hash in the database.
 * Also the password hashing that every account with a password uses (argon2id, see passwords.ts).
 */
export function createAuthService(repo: AuthRepository) {
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
      const row = await repo.findLive(ctx.db, hashSecret(token), kind, ctx.now());
      return row?.subjectId;
    },
    async endSession(ctx: Ctx, token: string) {
      await repo.delete(ctx.db, hashSecret(token));
    },
    async endAllSessions(ctx: Ctx, kind: SessionKind, subjectId: string) {
      await repo.deleteForSubject(ctx.db, kind, subjectId);
    },
    async purgeExpired(ctx: Ctx) {
      await repo.deleteExpired(ctx.db, ctx.now());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
