import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/** One data-modifying statement a repository gives for a caller to join with others (an INSERT or UPDATE, no RETURNING needed). */
export type Write = SQL;

/**
 * Several writes as ONE statement: each a data-modifying CTE (`name as (insert … / update …)`),
 * then `final` (a SELECT over them). Each module gives the write of its own tables; the caller
 * joins them. A single statement is atomic by itself (no BEGIN/COMMIT) and is one round trip
 * instead of one per write: under load, when each round trip waits for a busy event loop, this
 * is what keeps a batch short. Every CTE runs exactly once, on the same snapshot, and constraints
 * (checks, foreign keys between the CTEs' rows) are checked at the statement's end: one failing
 * row fails them all.
 */
export function oneStatement(writes: [name: string, write: Write][], final: SQL = sql`select 1`): SQL {
  if (writes.length === 0) return final;
  const ctes = sql.join(
    writes.map(([name, write]) => {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`oneStatement: bad CTE name ${name}`);
      return sql`${sql.raw(name)} as (${write})`;
    }),
    sql`, `,
  );
  return sql`with ${ctes} ${final}`;
}

/** Runs the writes as one statement (oneStatement), answering nothing: it committed, or it threw. */
export async function runAsOneStatement(db: Db, writes: [name: string, write: Write][]): Promise<void> {
  await db.execute(oneStatement(writes));
}
