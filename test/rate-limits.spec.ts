import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addressKey, DEFAULT_ADDRESS_LIMITS } from '../src/server/plugins/limits.ts';
import { useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

const forged = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}` });

const fanLogin = (app: FastifyInstance, email: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/fan/login', headers, payload: { email, password: 'wrong-password-1' } });
const staffLogin = (app: FastifyInstance, email: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/console/login', headers, payload: { email, password: 'wrong-password-1' } });

async function publishedArticle(app: FastifyInstance, cookie: string): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/admin/articles', headers: { cookie }, payload: { title: 'Counted', bodyMarkdown: 'Hi' } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await app.inject({ method: 'POST', url: `/api/admin/articles/${id}/publish`, headers: { cookie } })).statusCode).toBe(200);
  return id;
}

describe('rate limits: a forged X-Forwarded-For changes nothing (TRUST_PROXY unset)', () => {
  const t = useTestApp();

  it('keeps a fan sign-in limited whatever address the client claims', async () => {
    const fan = await signupFan(t.app);
    for (let i = 0; i < 10; i++) expect((await fanLogin(t.app, fan.email)).statusCode).toBe(401);
    expect((await fanLogin(t.app, fan.email)).statusCode).toBe(429);
    for (const n of [1, 2, 3]) {
      const res = await fanLogin(t.app, fan.email, forged(n));
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('rate_limited');
    }
  });

  it('keeps a staff sign-in limited whatever address the client claims', async () => {
    const owner = await createOwner(t.app);
    for (let i = 0; i < 10; i++) expect((await staffLogin(t.app, owner.email)).statusCode).toBe(401);
    expect((await staffLogin(t.app, owner.email)).statusCode).toBe(429);
    expect((await staffLogin(t.app, owner.email, forged(9))).statusCode).toBe(429);
    expect((await staffLogin(t.app, owner.email, { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).statusCode).toBe(429);
  });

  it('does not let anonymous views be inflated by claiming many addresses', async () => {
    const owner = await createOwner(t.app);
    const id = await publishedArticle(t.app, owner.cookie);
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: `/api/articles/${id}/views`, headers: forged(i) })).statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
    const stats = (await t.app.inject({ method: 'GET', url: `/api/admin/articles/${id}`, headers: { cookie: owner.cookie } })).json().stats;
    expect(stats.views).toBe(120);
  });
});

describe('rate limits: TRUST_PROXY naming the proxy makes its X-Forwarded-For count', () => {
  // Injected requests come from 127.0.0.1: the proxy.
  const t = useTestApp({ trustProxy: ['127.0.0.1'] });

  it('limits the client the proxy names, not the proxy', async () => {
    const fan = await signupFan(t.app);
    for (let i = 0; i < 10; i++) expect((await fanLogin(t.app, fan.email, forged(1))).statusCode).toBe(401);
    expect((await fanLogin(t.app, fan.email, forged(1))).statusCode).toBe(429);
    // Another client behind the same proxy is not held back by the first one's failures.
    expect((await fanLogin(t.app, fan.email, forged(2))).statusCode).toBe(401);
    expect((await staffLogin(t.app, fan.email, forged(2))).statusCode).toBe(401);
  });

  it('does not believe a proxy it was not told about', async () => {
    const fan = await signupFan(t.app);
    const login = (n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/fan/login',
        remoteAddress: '192.0.2.50',
        headers: forged(n),
        payload: { email: fan.email, password: 'nope-nope-1' },
      });
    for (let i = 0; i < 10; i++) expect((await login(i)).statusCode).toBe(401);
    expect((await login(99)).statusCode).toBe(429);
  });
});

describe('rate limits: TRUST_PROXY as a hop count', () => {
  const t = useTestApp({ trustProxy: 1 });

  it('takes the address the nearest hop appended', async () => {
    const fan = await signupFan(t.app);
    for (let i = 0; i < 10; i++) {
      expect((await fanLogin(t.app, fan.email, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.1` })).statusCode).toBe(401);
    }
    // Whatever the client wrote further left, the proxy's entry is the one that counts.
    expect((await fanLogin(t.app, fan.email, { 'x-forwarded-for': '198.51.100.77, 203.0.113.1' })).statusCode).toBe(429);
    expect((await fanLogin(t.app, fan.email, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(401);
  });
});

describe('rate limits: per address across accounts (password spraying, bulk sign-up)', () => {
  const t = useTestApp({ addressLimits: DEFAULT_ADDRESS_LIMITS });
  const { max: signInMax } = DEFAULT_ADDRESS_LIMITS['sign-in'];
  const { max: signUpMax } = DEFAULT_ADDRESS_LIMITS['sign-up'];

  it('stops one address trying one password on many accounts, on every sign-in door', async () => {
    const remoteAddress = '192.0.2.20';
    const attempt = (url: string, email: string, password = 'wrong-password-1', headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, remoteAddress, headers, payload: { email, password } });
    // Successful sign-ins do not use up the address's budget (an office behind one address).
    const fan = await signupFan(t.app);
    for (let i = 0; i < 5; i++) expect((await attempt('/api/fan/login', fan.email, fan.password)).statusCode).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < signInMax; i++) statuses.push((await attempt('/api/fan/login', `sprayed-${i}@example.com`)).statusCode);
    expect(statuses).toEqual(Array(signInMax).fill(401));

    const limited = await attempt('/api/fan/login', 'sprayed-next@example.com');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/failed sign-in attempts/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('/api/fan/login', 'sprayed-next@example.com', 'wrong-password-1', forged(5))).statusCode).toBe(429);
    // The console's door shares the budget, and the right password waits too.
    expect((await attempt('/api/console/login', 'someone@example.com')).statusCode).toBe(429);
    expect((await attempt('/api/fan/login', fan.email, fan.password)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await fanLogin(t.app, 'sprayed-0@example.com')).statusCode).toBe(401);
  }, 60_000);

  it('limits sign-ups per address', async () => {
    const signup = (n: number, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/fan/signup',
        remoteAddress: '192.0.2.30',
        headers,
        payload: { email: `bulk-${n}@example.com`, password: 'bulk-password-1', displayName: 'Bulk' },
      });
    for (let i = 0; i < signUpMax; i++) expect((await signup(i)).statusCode).toBe(201);
    const limited = await signup(signUpMax);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/sign-ups/) });
    expect((await signup(signUpMax + 1, forged(7))).statusCode).toBe(429);
    expect((await signupFan(t.app)).fan.email).toMatch(/@example.com$/);
  }, 60_000);

  it('counts an IPv6 client by its /64', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff:eeee:dddd:cccc'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
  });
});
