import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createContainer, type Container } from '../src/container.ts';
import { buildApp, type AppOptions } from '../src/server/app.ts';
import type { QueryLogger } from '../src/db/client.ts';
import { openTestDatabase, resetDatabase, type TestDatabase } from './engine.ts';

export type TestApp = {
  app: FastifyInstance;
  container: Container;
  database: TestDatabase;
  /** Waits until the stream's consumers applied every committed activity (derived figures are after commit). */
  settle(): Promise<void>;
};

export const TEST_BASE_URL = 'http://fanbase.test';

/** An app on a fresh database, built once per file and emptied before each test. */
export function useTestApp(options: Partial<AppOptions> = {}, db: { logger?: QueryLogger } = {}): TestApp {
  const t = { settle: () => t.container.stream.drain() } as TestApp;
  beforeAll(async () => {
    t.database = await openTestDatabase(db);
    t.container = createContainer(t.database, { publicBaseUrl: TEST_BASE_URL, log: pino({ level: 'silent' }) });
    t.app = await buildApp(t.container, {
      sessionSecret: 'test-secret-test-secret-test-secret-0123',
      secureCookies: false,
      logger: false,
      ...options,
    });
    await t.app.ready();
  });
  beforeEach(async () => {
    // A background job left running by the previous test must not write into the next one.
    await t.container.jobs.idle();
    await t.container.stream.idle();
    await resetDatabase(t.database);
  });
  afterAll(async () => {
    await t.container?.jobs.idle();
    await t.container?.stream.stop();
    await t.app?.close();
    await t.database?.close();
  });
  return t;
}
