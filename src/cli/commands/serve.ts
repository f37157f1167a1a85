import closeWithGrace from 'close-with-grace';
import { resolveSessionSecret } from '../../config/session-secret.ts';
import { scheduleLoyaltyRecompute } from '../../schedules/loyalty-recompute.schedule.ts';
import { buildApp } from '../../server/app.ts';
import { openRuntime, version } from '../runtime.ts';

/** Starts the server: migrate, listen, print the console URL, drain on SIGTERM/SIGINT. */
export async function serve(): Promise<void> {
  const { config, database, container } = await openRuntime();
  const app = await buildApp(container, {
    sessionSecret: resolveSessionSecret(config),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    metricsToken: config.metricsToken,
    logLevel: config.logLevel,
    version,
  });
  const nightly = scheduleLoyaltyRecompute(container);
  await container.jobs.start();
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    nightly.stop();
    await container.jobs.stop();
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    `\nFanbase ${version} is running (${where}).\n  Console:  ${config.publicBaseUrl}/console\n  Fan site: ${config.publicBaseUrl}/\n  API docs: ${config.publicBaseUrl}/docs\n\n`,
  );
}
