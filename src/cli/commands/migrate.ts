import { loadConfig } from '../../config/env.ts';
import { createDb, dbOptionsFromConfig } from '../../db/client.ts';
import type { CliIo } from '../io.ts';

/** Needs only the configuration and the database: not the container or the server. */
export async function migrate(io: CliIo): Promise<void> {
  const database = await createDb(dbOptionsFromConfig(await loadConfig()));
  try {
    await database.migrate();
    io.stdout.write(`Migrations applied (${database.engine}).\n`);
  } finally {
    await database.close();
  }
}
