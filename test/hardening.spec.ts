import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type AppOptions } from '../src/server/app.ts';
import { TEST_METRICS_TOKEN, useTestApp } from './app.ts';
import { signupFan } from './factories.ts';

describe('hardening: /metrics', () => {
  const t = useTestApp();
  const extra: FastifyInstance[] = [];
  /** Another app on the same database, with other options. */
  async function appWith(options: Partial<AppOptions>) {
    const app = await buildApp(t.container, { sessionSecret: 'test-secret-test-secret-test-secret-0123', secureCookies: false, logger: false, ...options });
    extra.push(app);
    return app;
  }
  afterAll(async () => {
    for (const app of extra) await app.close();
  });

  describe('/metrics', () => {
    it('answers only the configured bearer token', async () => {
      await signupFan(t.app);
      const scrape = (authorization?: string) => t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${TEST_METRICS_TOKEN}`, `Bearer ${TEST_METRICS_TOKEN}x`]) {
        const res = await scrape(authorization);
        expect(res.statusCode, authorization).toBe(401);
        expect(res.json().error.code).toBe('metrics.unauthenticated');
        expect(res.body).not.toMatch(/fanbase_fans/);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      const ok = await scrape(`Bearer ${TEST_METRICS_TOKEN}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toMatch(/^fanbase_fans 1$/m);
    });

    it('is off without METRICS_TOKEN', async () => {
      const app = await appWith({ metricsToken: undefined });
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('metrics.disabled');
    });
  });
});
