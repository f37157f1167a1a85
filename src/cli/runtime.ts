import pino from 'pino';
import { loadConfig, type AppConfig } from '../config/env.ts';
import { createContainer, type Container } from '../container.ts';
import { createDb, dbOptionsFromConfig, type Database } from '../db/client.ts';

/** Configuration, an open (migrated) database and the container, for one command. */
export async function openRuntime() {
  const config = await loadConfig();
  const log = pino({ level: config.logLevel });
  const database = await createDb(dbOptionsFromConfig(config));
  await database.migrate();
  const container = createContainer(database, { publicBaseUrl: config.publicBaseUrl, log });
  return { config, log, database, container };
}
export type Runtime = { config: AppConfig; database: Database; container: Container };
