import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../../container.ts';
import { resolveSessionSecret } from '../../config/session-secret.ts';
import { httpSender, scheduleSandboxDeliveries } from '../../schedules/sandbox-deliveries.schedule.ts';
import { LEASE_MS as GATE_LEASE_MS } from '../../modules/festival/gate/redis-gate.ts';
import { buildApp } from '../../server/app.ts';
import { openRuntime } from '../runtime.ts';
import { version } from '../version.ts';

/** Routes added before listening (the benchmarks' reference routes); the product adds none. */
export type ServeExtension = (app: FastifyInstance, container: Container) => Promise<void>;

/** Starts the server: migrate, listen, print the console URL, drain on SIGTERM/SIGINT. */
export async function serve(extend?: ServeExtension): Promise<void> {
  const { config, log, logFormat, database, container } = await openRuntime('server');
  const app = await buildApp(container, {
    sessionSecret: resolveSessionSecret(config),
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    metricsToken: config.metricsToken,
    logger: log,
    // On a terminal a request is one line at debug (shown with LOG_LEVEL=debug); JSON logs keep Fastify's records.
    requestLog: logFormat === 'json' ? 'json' : 'line',
    version,
  });
  await extend?.(app, container);
  // Before the first attempt: the festival's gate from the durable orders (a crash leaks no unit).
  const { festivalSettlement } = container.services;
  const festival = await festivalSettlement.start(container.ctx({ kind: 'system' }));
  if (festival.items > 0) log.info(festival, 'festival gate set from the durable orders');
  // A process that crashed just before this one started still held its lease: once that has run
  // out, what it admitted and never wrote goes back on sale (the minute's sweep would, later).
  const reapLater = setTimeout(
    () => void festivalSettlement.reap(container.ctx({ kind: 'system' })).catch((err: unknown) => log.warn({ err }, 'festival: reaping failed')),
    GATE_LEASE_MS + 1_000,
  );
  reapLater.unref();
  container.stream.start();
  await container.services.fanImports.start();
  let sandboxDeliveries: ReturnType<typeof scheduleSandboxDeliveries> | undefined;
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    clearTimeout(reapLater);
    await sandboxDeliveries?.stop();
    await container.queue.stop();
    await container.services.fanImports.stop();
    await app.close();
    await container.stream.stop();
    await container.gate.close();
    await container.attemptStats.close();
    await container.botStore.close();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
  // The sandbox gateway notifies this very server, as a provider would over the network.
  const address = app.server.address();
  if (address && typeof address === 'object') {
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
    sandboxDeliveries = scheduleSandboxDeliveries(container, httpSender(`http://${host}:${address.port}`));
  }
  const where = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  const base = config.publicBaseUrl;
  const unset = config.publicBaseUrlConfigured ? '' : `\n${publicBaseUrlWarning(base)}\n`;
  process.stdout.write(`\nFanbase ${version} is running (${where}).\n  Console:  ${base}/console\n  Fan site: ${base}/\n  API docs: ${base}/docs\n${unset}\n`);
  // A log collector sees it too; on a terminal the banner has just said it.
  if (!config.publicBaseUrlConfigured && logFormat === 'json') log.warn({ publicBaseUrl: base }, 'PUBLIC_BASE_URL is not set');
  // The job queue: jobs of every instance, retries, the nightly recompute and hourly maintenance.
  // Once serving: its first statements do not hold back the first request, and a job sent
  // meanwhile runs all the same.
  await container.queue.start();
}

/** Said at every start until PUBLIC_BASE_URL is set (the console shows the owner the same). */
export const publicBaseUrlWarning = (base: string) =>
  `  Warning: PUBLIC_BASE_URL is not set, so invitation and share links point to ${base},\n` +
  `  which people on other devices may not reach. Set PUBLIC_BASE_URL to the address people open\n` +
  `  (such as https://fans.example.com) and restart.`;
