import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
// Loads the module augmented below into every program that sees this file (the web's too).
import type {} from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { migrateQueueSchema } from './queue-schema.ts';

/**
 * One handle type for both drivers (a union of the two breaks `.returning()`). Schema-free: a
 * repository reaches only the tables it imports, and imports only its own module's.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

/** Gives `Ctx.db` (src/core/context.ts) this type without core importing the database layer. */
declare module '../core/context.ts' {
  interface DbRegistry {
    db: Db;
  }
}

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  engine: Engine;
  /** Our migrations (src/db/migrations), then pg-boss's schema (src/db/queue-schema.ts). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

// Read from the sources, also by the compiled server: there is one copy of the migrations.
const migrationsFolder = path.join(PACKAGE_ROOT, 'src', 'db', 'migrations');

/** Sees every statement the handle sends (the statement-count specs use it). */
export type QueryLogger = { logQuery(query: string, params: unknown[]): void };

export type DbOptions = (
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined = in memory (tests). */
  | { engine: 'pglite'; dataDir?: string }
) & { logger?: QueryLogger };

/**
 * Each engine's driver is loaded when it is used: a command on the embedded database does not
 * pay for loading node-postgres (a good tenth of a second), nor one on PostgreSQL for PGlite.
 */
export async function createDb(options: DbOptions): Promise<Database> {
  if (options.engine === 'postgres') {
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = drizzlePg({ client: pool, logger: options.logger }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      async migrate() {
        await migratePg(db as never, { migrationsFolder });
        await migrateQueueSchema(db);
      },
      close: () => pool.end(),
    };
  }
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const release = options.dataDir ? await lockDataDir(options.dataDir) : undefined;
  const client = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  const db = drizzlePglite({ client, logger: options.logger }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
      await migrateQueueSchema(db);
    },
    async close() {
      await client.close();
      await release?.();
    },
  };
}

/** One round trip to the database; throws when it cannot be reached (the health check). */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * An embedded data dir belongs to one process at a time: two PGlite instances on the same
 * files corrupt them. A crashed holder's lock goes stale after 10 s.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const { default: lockfile } = await import('proper-lockfile');
  try {
    return await lockfile.lock(dataDir, { stale: 10_000, update: 3_000, realpath: false });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    throw new AppError('database.in_use', { dataDir });
  }
}

export const dbOptionsFromConfig = (config: { databaseUrl: string | undefined; dataDir: string }): DbOptions =>
  config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
