import { describe, expect, it } from 'vitest';
import { useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

type Op = { method: string; path: string };

const BODIES: unknown[] = [
  {},
  [],
  'null',
  { email: {}, password: [], displayName: 123, name: null, source: { $ne: 1 }, description: true },
  { email: 'a\u0000b@example.com', password: 'pass\u0000word', displayName: 'nul\u0000', name: 'x\u0000', description: '\u0000' },
  { email: `${'a'.repeat(5000)}@example.com`, password: 'p'.repeat(10_000), displayName: '名'.repeat(5000), name: 'n'.repeat(5000) },
  {
    email: 'x@example.com',
    password: 'password-ok',
    displayName: '🙂 emoji',
    name: '🙂',
    description: '<script>alert(1)</script>',
    source: 'article:' + 'x'.repeat(100),
  },
  { a: { b: { c: { d: { e: [1, [2, [3, [4]]]] } } } } },
];
const QUERIES = [
  '?page=-1&pageSize=abc',
  '?page=99999999999999999999&pageSize=0',
  '?cursor=99999999999999999999&limit=0',
  '?cursor=9223372036854775807&limit=100',
  '?cursor=9999999999999999999',
  '?q=%00&status=%00',
  `?q=${'%25'.repeat(200)}`,
  '?q=%27%3B%20drop%20table%20fans%3B--',
  '?limit=1e3&page=1.5',
];
const PARAMS = ['x', '00000000-0000-0000-0000-000000000000', '%00', "'%20or%201=1", 'a'.repeat(300)];

/** No input a client can send produces a 500: every route, signed in, with hostile input. */
describe('robustness: hostile input never causes a 500', () => {
  const t = useTestApp();

  it('answers every operation with a 2xx/4xx and the error shape', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, object> };
    const ops: Op[] = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
    expect(ops.length).toBeGreaterThan(25);

    const owner = await createOwner(t.app);
    const fan = await signupFan(t.app);
    const cookie = `${owner.cookie}; ${fan.cookie}`;
    const failures: string[] = [];
    for (const op of ops) {
      // Logging out or removing people would end the sessions the next requests need.
      if (op.path.endsWith('/logout')) continue;
      const urls = op.path.includes('{') ? PARAMS.map((p) => op.path.replace(/\{[^}]+\}/g, p)) : [op.path, ...QUERIES.map((q) => op.path + q)];
      for (const url of urls) {
        for (const body of op.method === 'GET' || op.method === 'DELETE' ? [undefined] : BODIES) {
          const res = await t.app.inject({
            method: op.method as 'POST',
            url,
            headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          });
          if (res.statusCode >= 500) failures.push(`${op.method} ${url} ${JSON.stringify(body)?.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && typeof res.json().error?.code !== 'string') failures.push(`${op.method} ${url}: no error shape`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
