import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createContainer, type Container, type ContainerOptions } from '../src/container.ts';
import { buildApp, type AppOptions } from '../src/server/app.ts';
import type { QueryLogger } from '../src/db/client.ts';
import type { AddressLimits } from '../src/server/plugins/limits.ts';
import { openTestDatabase, resetDatabase, type TestDatabase } from './engine.ts';

export type TestApp = {
  app: FastifyInstance;
  container: Container;
  database: TestDatabase;
  /** Waits until the stream's consumers applied every committed activity (derived figures are after commit). */
  settle(): Promise<void>;
};

export const TEST_BASE_URL = 'http://fanbase.test';
/**
 * Feature specs sign many fans up from one address (every inject comes from 127.0.0.1), and the
 * counters outlive a test: test apps lift the per-address limits unless a spec passes its own.
 * test/rate-limits.spec.ts checks them with their production values.
 */
export const LIFTED_ADDRESS_LIMITS: AddressLimits = {
  'sign-in': { max: 100_000, windowMs: 60_000 },
  'sign-up': { max: 100_000, windowMs: 60_000 },
};

/** The bearer token test apps' /metrics answers. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

/**
 * An app on a fresh database, built once per file and emptied before each test. `extra.logger`
 * sees every statement; `extra.container` changes the container's options (PUBLIC_BASE_URL unset…).
 */
export function useTestApp(options: Partial<AppOptions> = {}, extra: { logger?: QueryLogger; container?: Partial<ContainerOptions> } = {}): TestApp {
  const t = { settle: () => t.container.stream.drain() } as TestApp;
  beforeAll(async () => {
    t.database = await openTestDatabase({ logger: extra.logger });
    t.container = createContainer(t.database, { publicBaseUrl: TEST_BASE_URL, log: pino({ level: 'silent' }), ...extra.container });
    t.app = await buildApp(t.container, {
      sessionSecret: 'test-secret-test-secret-test-secret-0123',
      secureCookies: false,
      logger: false,
      metricsToken: TEST_METRICS_TOKEN,
      addressLimits: LIFTED_ADDRESS_LIMITS,
      ...options,
    });
    await t.app.ready();
  });
  beforeEach(async () => {
    // A background job left running by the previous test must not write into the next one.
    await t.container.queue.drain();
    await t.container.services.fanImports.idle();
    await t.container.stream.idle();
    await resetDatabase(t.database);
  });
  afterAll(async () => {
    await t.container?.queue.stop();
    await t.container?.services.fanImports.stop();
    await t.container?.stream.stop();
    await t.container?.gate.close();
    await t.container?.attemptStats.close();
    await t.container?.botStore.close();
    await t.app?.close();
    await t.database?.close();
  });
  return t;
}
