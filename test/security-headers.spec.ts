import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { useTestApp } from './app.ts';

describe('security headers on every answer', () => {
  const t = useTestApp();
  let https: FastifyInstance | undefined;
  afterAll(async () => {
    await https?.close();
  });
  const csp = (value: unknown) =>
    Object.fromEntries(
      String(value)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name, sources]),
    );

  it('sends a strict policy on API answers, errors and the docs', async () => {
    for (const url of ['/api/channel', '/api/nothing-here', '/docs/', '/healthz']) {
      const res = await t.app.inject({ method: 'GET', url });
      const policy = csp(res.headers['content-security-policy']);
      expect(policy['script-src'], url).toEqual(["'self'"]);
      expect(policy['script-src-attr'], url).toEqual(["'none'"]);
      expect(policy['frame-ancestors'], url).toEqual(["'none'"]);
      expect(policy['object-src'], url).toEqual(["'none'"]);
      expect(policy['default-src'], url).toEqual(["'self'"]);
      expect(policy['upgrade-insecure-requests'], url).toBeUndefined();
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('adds HSTS and upgrade-insecure-requests only when the public address is https', async () => {
    https = await buildApp(t.container, { sessionSecret: 'test-secret-test-secret-test-secret-0123', secureCookies: true, logger: false });
    const res = await https.inject({ method: 'GET', url: '/api/channel' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(csp(res.headers['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
  });
});
