import { createHash, type Hash } from 'node:crypto';
import { requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Claim, IdempotencyRepository, KeyId } from './idempotency.repository.ts';
import { idempotencyKeyField } from './idempotency.schemas.ts';

/** A key answers retries for a day; after that it may be used again. */
export const KEY_TTL_MS = 24 * 60 * 60_000;
/** An in-progress key whose holder has not renewed it for this long belongs to a dead process. */
export const LEASE_MS = 2 * 60_000;
const RENEW_MS = 30_000;

/** What a request answered: its HTTP status and JSON body. */
export type Answer = { status: number; body: unknown };
export type Outcome<T> = { replayed: false; status: number; body: T } | { replayed: true; status: number; body: unknown };

/**
 * An error answer that is the request's final word, so a retry gets it again: any AppError in
 * 4xx except 429 (try later, by its nature). 5xx and unexpected crashes release the key instead,
 * so a retry does the work again.
 */
const isFinal = (err: unknown): err is AppError => err instanceof AppError && err.status >= 400 && err.status < 500 && err.status !== 429;

/** SHA-256 over a canonical form of the request: object key order does not matter, big strings are not copied. */
export function fingerprintOf(request: unknown): string {
  const hash = createHash('sha256');
  feed(hash, request, 0);
  return hash.digest('hex');
}

function feed(hash: Hash, value: unknown, depth: number): void {
  if (depth > 64) throw new Error('idempotency fingerprint: request nested too deeply');
  if (value === null || value === undefined) hash.update('n;');
  else if (typeof value === 'string') hash.update(`s${Buffer.byteLength(value)}:`).update(value);
  else if (Buffer.isBuffer(value)) hash.update(`b${value.length}:`).update(value);
  else if (value instanceof Date) hash.update(`d${value.toISOString()};`);
  else if (typeof value !== 'object') hash.update(`${(typeof value)[0]}${String(value)};`);
  else if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value) feed(hash, item, depth + 1);
    hash.update(']');
  } else {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    hash.update(`o${entries.length}{`);
    for (const [k, v] of entries) {
      feed(hash, k, depth + 1);
      feed(hash, v, depth + 1);
    }
    hash.update('}');
  }
}

/** Whose key it is: one caller never sees another's answers. Visitors have no identity to scope one by. */
function callerOf(ctx: Ctx): string {
  switch (ctx.actor.kind) {
    case 'staff':
      return `staff:${ctx.actor.staffId}`;
    case 'fan':
      return `fan:${ctx.actor.fanId}`;
    case 'system':
      return 'system';
    case 'anonymous':
      throw new AppError('idempotency.sign_in_required');
  }
}

/**
 * Idempotency keys (idempotency_keys): the first request with a key does the work and its answer
 * is stored; a retry with the same key and the same request gets that answer back without the
 * work being done again. Of concurrent requests with one key, exactly one does the work; the
 * others are told it is in progress.
 */
export function createIdempotencyService(deps: { repo: IdempotencyRepository }) {
  const { repo } = deps;
  /** Keys this process is working on: never taken for dead, however late a renewal. */
  const working = new Set<string>();
  const idOf = (id: KeyId) => JSON.stringify([id.scope, id.caller, id.key]);

  /** Takes the key, or says why not (an answer to replay, or a conflict thrown). */
  async function claim(ctx: Ctx, id: KeyId, fingerprint: string): Promise<{ claimId: string } | { answer: Answer }> {
    // A key can vanish (released, purged) or be renewed between our statements: look again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = ctx.now();
      const c: Claim = {
        ...id,
        fingerprint,
        claimId: newId(),
        at,
        lockedUntil: new Date(at.getTime() + LEASE_MS),
        expiresAt: new Date(at.getTime() + KEY_TTL_MS),
      };
      if (await repo.insert(ctx.db, c)) return { claimId: c.claimId };
      const row = await repo.find(ctx.db, id);
      if (!row) continue;
      // A completed key is free once expired; an in-progress one only when its holder has died
      // (lease over, and not this process), and then for the same request until it expires.
      const expired = row.expiresAt <= at;
      const abandoned = row.status === 'in_progress' && row.lockedUntil !== null && row.lockedUntil <= at && !working.has(idOf(id));
      if (row.status === 'completed' ? expired : abandoned && (expired || row.fingerprint === fingerprint)) {
        if (await repo.takeOver(ctx.db, c)) return { claimId: c.claimId };
        continue;
      }
      // Past its day, a key is no longer tied to its first request (here: still held by a live holder).
      if (row.fingerprint !== fingerprint && !expired) {
        throw new AppError('idempotency.key_reused');
      }
      if (row.status === 'in_progress') {
        throw new AppError('idempotency.in_progress');
      }
      return { answer: { status: row.responseStatus!, body: row.responseBody } };
    }
    throw new AppError('idempotency.busy');
  }

  /**
   * Stores the answer. The work is done whatever happens here, so a failure to store is logged,
   * not thrown: the caller gets its answer, and a retry after the lease does the work again.
   */
  async function settle(ctx: Ctx, id: KeyId, claimId: string, answer: Answer) {
    try {
      if (!(await repo.complete(ctx.db, id, claimId, answer))) ctx.log.warn({ scope: id.scope }, 'idempotency key was taken over before its answer was stored');
    } catch (err) {
      ctx.log.error({ err, scope: id.scope }, 'idempotency answer could not be stored');
    }
  }

  return {
    /**
     * Does `work` once for this key: the first call runs it and stores its answer (`status` and
     * the JSON of what it returns, or the error body of a final AppError, which is rethrown); later
     * calls with the same key and request get that answer back (`replayed: true`, with a status of
     * 400 or more for a stored refusal).
     * `request` is what makes two requests the same (method and URL are in `scope` and `request`).
     */
    async once<T>(ctx: Ctx, request: { scope: string; key: string; request: unknown; status?: number }, work: (key: string) => Promise<T>): Promise<Outcome<T>> {
      const caller = callerOf(ctx);
      const key = idempotencyKeyField.safeParse(request.key);
      if (!key.success) {
        const message = key.error.issues[0]!.message;
        throw new AppError('idempotency.invalid_key', { reason: message }, { details: [{ path: 'idempotency-key', in: 'headers', issue: 'invalid', message }] });
      }
      const id: KeyId = { scope: request.scope, caller, key: key.data };
      const claimed = await claim(ctx, id, fingerprintOf(request.request));
      if ('answer' in claimed) return { replayed: true, ...claimed.answer };

      const { claimId } = claimed;
      working.add(idOf(id));
      const renew = setInterval(() => {
        repo.renew(ctx.db, id, claimId, new Date(ctx.now().getTime() + LEASE_MS)).catch((err) => ctx.log.warn({ err }, 'idempotency key renewal failed'));
      }, RENEW_MS);
      renew.unref();
      try {
        let body: T;
        try {
          body = await work(id.key);
        } catch (err) {
          if (isFinal(err)) await settle(ctx, id, claimId, { status: err.status, body: err.toBody() });
          else await repo.release(ctx.db, id, claimId).catch((releaseErr) => ctx.log.error({ err: releaseErr }, 'idempotency key release failed'));
          throw err;
        }
        const status = request.status ?? 200;
        await settle(ctx, id, claimId, { status, body: JSON.parse(JSON.stringify(body ?? null)) as unknown });
        return { replayed: false, status, body };
      } finally {
        clearInterval(renew);
        working.delete(idOf(id));
      }
    },

    /** Deletes keys past their day (for a schedule or a job); returns how many went. */
    async purgeExpired(ctx: Ctx): Promise<number> {
      requireStaff(ctx);
      return repo.deleteExpired(ctx.db, ctx.now());
    },
  };
}
export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
