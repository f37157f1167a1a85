import type { Db } from './client.ts';
import { rawSqlOf } from './raw-sql.ts';

/** The PostgreSQL schema pg-boss keeps its queues, jobs and schedules in (beside our `public`). */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * Installs pg-boss's schema, or migrates it to the version of the installed pg-boss; nothing when
 * it is current (two reads). pg-boss does it under an advisory lock: instances migrating at once
 * wait for each other, and the later ones find it done.
 */
export async function migrateQueueSchema(db: Db): Promise<void> {
  const { default: PgBoss } = await import('pg-boss');
  const boss = new PgBoss({ db: rawSqlOf(db, false), schema: QUEUE_SCHEMA, migrate: true, supervise: false, schedule: false });
  let failure: Error | undefined;
  boss.on('error', (err) => (failure ??= err));
  await boss.start();
  await boss.stop({ graceful: false, close: false });
  if (failure) throw failure;
}
