import { describe, expect, it } from 'vitest';
import { useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

type Op = { method: string; url: string };

/**
 * The shared security suite: every console route, found from the OpenAPI document so a new
 * route is covered the day it is added, refuses no session, a fan session, and a bad token.
 */
describe('security: every /api/admin route', () => {
  const t = useTestApp();

  async function adminOperations(): Promise<Op[]> {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ops: Op[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/admin/')) continue;
      for (const method of Object.keys(methods)) {
        ops.push({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000') });
      }
    }
    return ops;
  }

  it('finds the console routes in the OpenAPI document', async () => {
    const ops = await adminOperations();
    expect(ops.length).toBeGreaterThanOrEqual(14);
    expect(ops).toContainEqual({ method: 'GET', url: '/api/admin/fans' });
  });

  it('answers 401 without a session', async () => {
    for (const op of await adminOperations()) {
      const res = await t.app.inject({ method: op.method as 'GET', url: op.url, payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${op.method} ${op.url}`).toBe(401);
      expect(res.json().error.code, `${op.method} ${op.url}`).toBe('auth.unauthenticated');
    }
  });

  it('answers 403 to a signed-in fan, even one with the same email as staff', async () => {
    const owner = await createOwner(t.app, { email: 'same@example.com' });
    const fan = await signupFan(t.app, { email: 'same@example.com', password: owner.password });
    for (const op of await adminOperations()) {
      const res = await t.app.inject({
        method: op.method as 'GET',
        url: op.url,
        headers: { cookie: fan.cookie },
        payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${op.method} ${op.url}`).toBe(403);
    }
  });

  it('answers 401 to a made-up or malformed bearer token', async () => {
    await createOwner(t.app);
    for (const header of ['Bearer fb_not_a_real_token', 'Bearer', 'Basic Zm9vOmJhcg==']) {
      for (const op of await adminOperations()) {
        const res = await t.app.inject({ method: op.method as 'GET', url: op.url, headers: { authorization: header } });
        expect(res.statusCode, `${header}: ${op.method} ${op.url}`).toBe(401);
      }
    }
  });

  it('never takes a staff cookie as a fan session', async () => {
    const owner = await createOwner(t.app);
    const staffCookie = owner.cookie.replace(/^fb_staff=/, 'fb_fan=');
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie: staffCookie } })).statusCode).toBe(401);
  });
});
