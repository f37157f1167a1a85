import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

const dialect = new PgDialect();
/** Statement text → its name (a hash of the text: one text, one name, on every connection). */
const names = new Map<string, string>();
const MAX_NAMES = 1_000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `fb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement, for the hottest paths (a follow): PostgreSQL
 * parses it once per connection and, after a few runs, reuses its plan, instead of parsing and
 * planning every request. Only the values vary: the statement's text must be the same from call
 * to call (drizzle's `sql` turns every value into a parameter). Answers like `db.execute`. PGlite
 * runs it as any other statement.
 */
export async function executePrepared(db: Db, statement: SQL): Promise<{ rows: Record<string, unknown>[] }> {
  const query = dialect.sqlToQuery(statement);
  const prepared = db._.session.prepareQuery(query, undefined, nameOf(query.sql), false);
  return (await prepared.execute()) as { rows: Record<string, unknown>[] };
}
