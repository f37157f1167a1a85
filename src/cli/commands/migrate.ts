import { loadConfig } from '../../config/env.ts';
import { createDb, dbOptionsFromConfig } from '../../db/client.ts';

/** Needs only the configuration and the database: not the container or the server. */
export async function migrate(): Promise<void> {
  const database = await createDb(dbOptionsFromConfig(await loadConfig()));
  try {
    await database.migrate();
    process.stdout.write(`Migrations applied (${database.engine}).\n`);
  } finally {
    await database.close();
  }
}
