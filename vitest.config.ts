import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // 2 cores: two files at a time, each with its own database (one PGlite per file).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // expect.poll waits this long (the default 1 s is too short for a browser page's first load on
    // a busy 2-core machine).
    expect: { poll: { timeout: 15_000 } },
    // An API spec's route files run once per engine: PGlite always, PostgreSQL when
    // TEST_DATABASE_URL is set (see test/engine.ts).
  },
});
