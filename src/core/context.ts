import type { LogFn } from 'pino';

/**
 * Filled in by src/db/client.ts with its `Db` type (declaration merging), so that core names no
 * database engine and imports nothing from src/db.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a slot for declaration merging
export interface DbRegistry {}

/** The Drizzle handle type that src/db/client.ts registers. */
type Db = DbRegistry extends { db: infer D } ? D : never;

/** Who is acting. Services check this first. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'fan'; fanId: string }
  | { kind: 'staff'; staffId: string; role: 'owner' | 'staff' }
  /** CLI commands and scheduled jobs run as the system. */
  | { kind: 'system' };

/** The logging a service may do; satisfied by pino and by Fastify's request logger. */
export type Log = { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn };

export type Ctx = {
  actor: Actor;
  /** The database handle, or the open transaction when inside `inTransaction`. */
  db: Db;
  now: () => Date;
  log: Log;
  /** Client address, for rate limits and audit (absent for CLI and jobs). */
  ip?: string;
};

export const withActor = (ctx: Ctx, actor: Actor): Ctx => ({ ...ctx, actor });

type TxCtx = Ctx & { inTx?: boolean; afterCommit?: (() => void)[] };

/** Whether `ctx` is inside `inTransaction` (its writes commit or roll back together). */
export const inOpenTransaction = (ctx: Ctx): boolean => Boolean((ctx as TxCtx).inTx);

/** Runs `fn` in one transaction; nested calls reuse the open one. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if ((ctx as TxCtx).inTx) return fn(ctx);
  const callbacks: (() => void)[] = [];
  const result = await ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db, inTx: true, afterCommit: callbacks } as TxCtx));
  for (const callback of callbacks) callback();
  return result;
}

/**
 * Runs `callback` once the transaction `ctx` belongs to has committed (at once outside a
 * transaction; never when it rolls back). Wakes work that must only see committed rows.
 */
export function afterCommit(ctx: Ctx, callback: () => void): void {
  const pending = (ctx as TxCtx).afterCommit;
  if (pending) pending.push(callback);
  else callback();
}
