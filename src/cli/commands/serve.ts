import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../../container.ts';
import { resolveSessionSecret } from '../../config/session-secret.ts';
import { scheduleLoyaltyRecompute } from '../../schedules/loyalty-recompute.schedule.ts';
import { buildApp } from '../../server/app.ts';
import { openRuntime } from '../runtime.ts';
import { version } from '../version.ts';

/** Routes added before listening (the benchmarks' reference routes); the product adds none. */
export type ServeExtension = (app: FastifyInstance, container: Container) => Promise<void>;

/** Starts the server: migrate, listen, print the console URL, drain on SIGTERM/SIGINT. */
export async function serve(extend?: ServeExtension): Promise<void> {
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
  await extend?.(app, container);
  const nightly = scheduleLoyaltyRecompute(container);
  await container.jobs.start();
  container.stream.start();
  await container.services.fanImports.start();
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    nightly.stop();
    await container.jobs.stop();
    await container.services.fanImports.stop();
    await app.close();
    await container.stream.stop();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    `\nFanbase ${version} is running (${where}).\n  Console:  ${config.publicBaseUrl}/console\n  Fan site: ${config.publicBaseUrl}/\n  API docs: ${config.publicBaseUrl}/docs\n\n`,
  );
}
