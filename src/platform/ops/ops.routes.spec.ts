import { describe, expect, it } from 'vitest';
import { TEST_METRICS_TOKEN, useTestApp } from '../../../test/app.ts';
import { testEngine } from '../../../test/engine.ts';
import { signupFan } from '../../../test/factories.ts';

describe('operations: health, OpenAPI, metrics, error shape', () => {
  const t = useTestApp();

  it('reports health with the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testEngine() });
  });

  it('serves an OpenAPI 3.1 document and the /docs browser', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/api/fan/signup'].post.requestBody).toBeDefined();
    expect(spec.paths['/api/admin/fans'].get.parameters.map((p: { name: string }) => p.name)).toContain('q');
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('exports Prometheus metrics per route plus fans and followers', async () => {
    const { cookie } = await signupFan(t.app);
    await t.app.inject({ method: 'POST', url: '/api/fan/follow', headers: { cookie }, payload: {} });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).body;
    expect(text).toMatch(/fanbase_http_requests_total\{method="POST",route="\/api\/fan\/follow",status="200"\} 1/);
    expect(text).toMatch(/fanbase_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/api\/fan\/signup"\}/);
    expect(text).toMatch(/^fanbase_fans 1$/m);
    expect(text).toMatch(/^fanbase_followers 1$/m);
  });

  it('answers every client mistake in the one error shape, never a 500', async () => {
    const cases = [
      { method: 'GET', url: '/api/nothing-here', status: 404, code: 'route.not_found' },
      { method: 'POST', url: '/api/fan/signup', payload: '{"email":', headers: { 'content-type': 'application/json' }, status: 400, code: 'request.invalid_json' },
      {
        method: 'POST',
        url: '/api/fan/signup',
        payload: '<a/>',
        headers: { 'content-type': 'application/xml' },
        status: 415,
        code: 'request.unsupported_media_type',
      },
      {
        method: 'POST',
        url: '/api/fan/signup',
        payload: { email: 'a@b.co', password: 'x'.repeat(201), displayName: 'A' },
        status: 400,
        code: 'validation_failed',
      },
      {
        method: 'POST',
        url: '/api/fan/signup',
        payload: 'x'.repeat(2 * 1024 * 1024),
        headers: { 'content-type': 'application/json' },
        status: 413,
        code: 'request.body_too_large',
      },
      { method: 'GET', url: '/api/fan/activities?cursor=abc', status: 400, code: 'validation_failed' },
      { method: 'POST', url: '/api/console/setup', payload: [], status: 400, code: 'validation_failed' },
      { method: 'GET', url: '/api/console/invitations/short', status: 400, code: 'validation_failed' },
    ] as const;
    for (const c of cases) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url,
        payload: 'payload' in c ? c.payload : undefined,
        headers: 'headers' in c ? c.headers : undefined,
      });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(c.status);
      expect(res.json().error.code, `${c.method} ${c.url}`).toBe(c.code);
      expect(typeof res.json().error.message).toBe('string');
    }
  });

  it('answers the bare route without touching anything', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/ping' })).json()).toEqual({ pong: true });
  });
});
