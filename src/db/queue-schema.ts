import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { rawSqlOf } from './raw-sql.ts';
import { rowsOf } from './rows.ts';

/** The PostgreSQL schema pg-boss keeps its queues, jobs and schedules in (beside our `public`). */
export const QUEUE_SCHEMA = 'pgboss';

/** The version of that schema the installed pg-boss works with. */
const SCHEMA_VERSION = (createRequire(import.meta.url)('pg-boss/version.json') as { schema: number }).schema;

/** The version of pg-boss's schema in the database, if it is there. */
async function installedVersion(db: Db): Promise<number | undefined> {
  const [table] = rowsOf<{ name: string | null }>(await db.execute(sql.raw(`select to_regclass('${QUEUE_SCHEMA}.version')::text as name`)));
  if (!table?.name) return undefined;
  const [row] = rowsOf<{ version: number }>(await db.execute(sql.raw(`select version from ${QUEUE_SCHEMA}.version`)));
  return row?.version;
}

/**
 * Installs pg-boss's schema, or migrates it to the version of the installed pg-boss; nothing when
 * it is current. pg-boss does it under an advisory lock: instances migrating at once wait for
 * each other, and the later ones find it done.
 */
export async function migrateQueueSchema(db: Db): Promise<void> {
  // Current: two reads, and pg-boss is not even loaded (`fanbase migrate` stays quick).
  if ((await installedVersion(db)) === SCHEMA_VERSION) return;
  const { default: PgBoss } = await import('pg-boss');
  const boss = new PgBoss({ db: rawSqlOf(db, false), schema: QUEUE_SCHEMA, migrate: true, supervise: false, schedule: false });
  let failure: Error | undefined;
  boss.on('error', (err) => (failure ??= err));
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  if (failure) throw failure;
}
