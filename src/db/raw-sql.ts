import type { Db } from './client.ts';

type Result = { rows: Record<string, unknown>[] };

/** Runs SQL text with `$1…` placeholders as it is: the `db` option pg-boss takes. */
export type RawSql = { executeSql(text: string, values?: unknown[]): Promise<Result> };

/** The two drivers' clients, as far as this file uses them. */
type PgliteClient = {
  query(text: string, values?: unknown[]): Promise<Result>;
  exec(text: string): Promise<Result[]>;
  transaction?<T>(fn: (tx: { exec(text: string): Promise<Result[]> }) => Promise<T>): Promise<T>;
};
type PgConnection = { query(text: string, values?: unknown[]): Promise<Result | Result[]>; release?(): void };
type PgPool = PgConnection & { connect(): Promise<PgConnection & { release(): void }> };

const lastOf = (results: Result | Result[]): Result => (Array.isArray(results) ? (results.at(-1) ?? { rows: [] }) : results);

/**
 * Raw SQL on the connection behind a Drizzle handle: the database itself, or the transaction
 * `db` is (then the statements commit or roll back with it). The driver is the one Drizzle was
 * built over (`db._.session.client`: PGlite or node-postgres).
 *
 * Text without values may hold several statements, some in a transaction of their own
 * (`BEGIN; …; COMMIT`): PGlite runs it with `exec` inside a transaction of its own, node-postgres
 * as one simple query on one connection; after a failure both roll back on that same connection,
 * so no other statement ever finds it in a failed transaction.
 */
export function rawSqlOf(db: Db, inTransaction: boolean): RawSql {
  const client = (db._.session as unknown as { client: PgliteClient | PgPool | PgConnection }).client;
  if ('exec' in client) {
    const pglite = client;
    return {
      async executeSql(text, values) {
        if (values?.length) return pglite.query(text, values);
        if (inTransaction || !pglite.transaction) return lastOf(await pglite.exec(text));
        // A nested BEGIN in the text only warns; its COMMIT ends the outer transaction, whose own
        // COMMIT then finds none (a warning too). A failure rolls back before the connection is free.
        return pglite.transaction(async (tx) => lastOf(await tx.exec(text)));
      },
    };
  }
  if (inTransaction || !('connect' in client)) {
    const connection = client;
    return { executeSql: async (text, values) => lastOf(await connection.query(text, values?.length ? values : undefined)) };
  }
  const pool = client;
  return {
    async executeSql(text, values) {
      if (values?.length) return lastOf(await pool.query(text, values));
      const connection = await pool.connect();
      try {
        return lastOf(await connection.query(text));
      } catch (err) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        connection.release();
      }
    },
  };
}
