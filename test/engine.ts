import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createDb, type Database, type QueryLogger } from '../src/db/client.ts';
import { QUEUE_SCHEMA } from '../src/db/queue-schema.ts';

/** Which engine this test run uses: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export const testEngine = (): 'postgres' | 'pglite' => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

export type TestDatabase = Database & { url?: string };

/**
 * A migrated database of its own for one test file: PGlite in memory, or a freshly created
 * PostgreSQL database with a random name that `close()` drops.
 */
export async function openTestDatabase(opts: { logger?: QueryLogger } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await createDb({ engine: 'pglite', logger: opts.logger });
    await database.migrate();
    return database;
  }
  const name = `fanbase_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDb({ engine: 'postgres', url: url.toString(), poolSize: 5, logger: opts.logger });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      // pool.end() resolves before the server has seen every connection go: wait for them, so
      // FORCE below never cuts a closing connection (its client would throw an unhandled error).
      for (let i = 0; i < 50; i++) {
        const { rows } = await dropper.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Empties every table (between tests), keeping the schema and migration history; of pg-boss's,
 * the jobs and schedules (its queues stay), and when it last ran maintenance and cron.
 */
export async function resetDatabase(database: Database): Promise<void> {
  const result = await database.db.execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
  const rows = (result as unknown as { rows: { tablename: string }[] }).rows;
  const list = rows.map((r) => `"${r.tablename}"`).join(', ');
  if (list) await database.db.execute(sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`));
  await database.db.execute(sql.raw(`TRUNCATE ${QUEUE_SCHEMA}.job, ${QUEUE_SCHEMA}.archive, ${QUEUE_SCHEMA}.schedule`));
  await database.db.execute(sql.raw(`UPDATE ${QUEUE_SCHEMA}.version SET maintained_on = null, cron_on = null, monitored_on = null`));
}
