import { and, eq, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { idempotencyKeys, type IdempotencyKey } from './workflows.table.ts';

export type KeyId = { scope: string; caller: string; key: string };
export type Claim = KeyId & { fingerprint: string; claimId: string; at: Date; lockedUntil: Date; expiresAt: Date };

const byId = (id: KeyId) => and(eq(idempotencyKeys.scope, id.scope), eq(idempotencyKeys.caller, id.caller), eq(idempotencyKeys.key, id.key));
const held = (id: KeyId, claimId: string) => and(byId(id), eq(idempotencyKeys.claimId, claimId), eq(idempotencyKeys.status, 'in_progress'));

export const idempotencyRepository = {
  /** Takes a key nobody holds; false when the key exists (primary key: two callers racing here meet it). */
  async insert(db: Db, claim: Claim): Promise<boolean> {
    const rows = await db
      .insert(idempotencyKeys)
      .values({
        scope: claim.scope,
        caller: claim.caller,
        key: claim.key,
        fingerprint: claim.fingerprint,
        status: 'in_progress',
        claimId: claim.claimId,
        lockedUntil: claim.lockedUntil,
        createdAt: claim.at,
        expiresAt: claim.expiresAt,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return rows.length > 0;
  },

  async find(db: Db, id: KeyId): Promise<IdempotencyKey | undefined> {
    const [row] = await db.select().from(idempotencyKeys).where(byId(id));
    return row;
  },

  /**
   * Takes over a completed key that has expired (for any request), or an in-progress one whose
   * holder stopped renewing its lease (its process died): for the same request, or for any once
   * expired. One statement: of two callers racing, the second sees the row already renewed and
   * gets false.
   */
  async takeOver(db: Db, claim: Claim): Promise<boolean> {
    const rows = await db
      .update(idempotencyKeys)
      .set({
        fingerprint: claim.fingerprint,
        status: 'in_progress',
        claimId: claim.claimId,
        lockedUntil: claim.lockedUntil,
        responseStatus: null,
        responseBody: null,
        createdAt: claim.at,
        expiresAt: claim.expiresAt,
      })
      .where(
        and(
          byId(claim),
          or(
            and(eq(idempotencyKeys.status, 'completed'), lte(idempotencyKeys.expiresAt, claim.at)),
            and(
              eq(idempotencyKeys.status, 'in_progress'),
              lte(idempotencyKeys.lockedUntil, claim.at),
              or(lte(idempotencyKeys.expiresAt, claim.at), eq(idempotencyKeys.fingerprint, claim.fingerprint)),
            ),
          ),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return rows.length > 0;
  },

  async renew(db: Db, id: KeyId, claimId: string, lockedUntil: Date) {
    await db.update(idempotencyKeys).set({ lockedUntil }).where(held(id, claimId));
  },

  /** Stores the answer; false if the key is no longer ours (taken over after our lease ran out). */
  async complete(db: Db, id: KeyId, claimId: string, answer: { status: number; body: unknown }): Promise<boolean> {
    const rows = await db
      .update(idempotencyKeys)
      .set({ status: 'completed', responseStatus: answer.status, responseBody: answer.body, lockedUntil: null })
      .where(held(id, claimId))
      .returning({ key: idempotencyKeys.key });
    return rows.length > 0;
  },

  /** Lets the key go, so a retry does the work again. */
  async release(db: Db, id: KeyId, claimId: string) {
    await db.delete(idempotencyKeys).where(held(id, claimId));
  },

  /** Deletes expired keys nobody is working on (idempotency_keys_expires_idx); returns how many. */
  async deleteExpired(db: Db, at: Date): Promise<number> {
    const rows = await db
      .delete(idempotencyKeys)
      .where(and(lte(idempotencyKeys.expiresAt, at), or(eq(idempotencyKeys.status, 'completed'), lte(idempotencyKeys.lockedUntil, at))))
      .returning({ key: idempotencyKeys.key });
    return rows.length;
  },
};
export type IdempotencyRepository = typeof idempotencyRepository;
