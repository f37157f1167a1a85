import { readFileSync } from 'node:fs';
import pino from 'pino';
import { ConfigError, loadConfig, type AppConfig } from '../config/env.ts';
import { createContainer, type Container } from '../container.ts';
import { AppError } from '../core/errors.ts';
import { createDb, dbOptionsFromConfig, type Database } from '../db/client.ts';

export const version: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

/** Configuration, an open (migrated) database and the container, for one command. */
export async function openRuntime(opts: { migrate?: boolean } = {}) {
  const config = await loadConfig();
  const log = pino({ level: config.logLevel });
  const database = await createDb(dbOptionsFromConfig(config));
  if (opts.migrate ?? true) await database.migrate();
  const container = createContainer(database, { publicBaseUrl: config.publicBaseUrl, log });
  return { config, log, database, container };
}
export type Runtime = { config: AppConfig; database: Database; container: Container };

/**
 * Runs a command body: a configuration or domain error becomes one clear line on stderr and
 * exit code 1, never a stack trace.
 */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof AppError) {
      process.stderr.write(`fanbase: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
