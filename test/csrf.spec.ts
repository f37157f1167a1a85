import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

type Session = { owner: { cookie: string }; fan: { cookie: string }; draft: string; published: string };

async function session(app: FastifyInstance): Promise<Session> {
  const owner = await createOwner(app);
  const fan = await signupFan(app);
  const create = async (title: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/articles', headers: { cookie: owner.cookie }, payload: { title, bodyMarkdown: 'Hi' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const draft = await create('Draft');
  const published = await create('Published');
  expect((await app.inject({ method: 'POST', url: `/api/admin/articles/${published}/publish`, headers: { cookie: owner.cookie } })).statusCode).toBe(200);
  return { owner, fan, draft, published };
}

/** The body-less POSTs a forged form or fetch would aim at: publish (console), share and read (fan). */
const bodyless = (s: Session) => [
  { url: `/api/admin/articles/${s.draft}/publish`, cookie: s.owner.cookie },
  { url: `/api/articles/${s.published}/shares`, cookie: s.fan.cookie },
  { url: `/api/articles/${s.published}/views`, cookie: s.fan.cookie },
];

describe('CSRF: PUBLIC_BASE_URL unset, the Origin must name the Host the request came to', () => {
  const t = useTestApp();
  let s: Session;
  beforeEach(async () => {
    s = await session(t.app);
  });

  const post = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { host: 'fans.example.com', ...headers } });

  it('refuses a cookie-authenticated change sent from another site', async () => {
    for (const origin of ['https://evil.example', 'http://sub.fans.example.com', 'http://fans.example.com.evil.example', 'null', 'not a url']) {
      for (const op of bodyless(s)) {
        const res = await post(op.url, { cookie: op.cookie, origin });
        expect(res.statusCode, `${origin} ${op.url}`).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'csrf.cross_site', message: expect.any(String) });
      }
    }
    const draft = (await t.app.inject({ method: 'GET', url: `/api/admin/articles/${s.draft}`, headers: { cookie: s.owner.cookie } })).json();
    expect(draft.status).toBe('draft');
  });

  it('refuses cross-site and same-site fetches told by Sec-Fetch-Site when there is no Origin', async () => {
    for (const site of ['cross-site', 'same-site']) {
      for (const op of bodyless(s)) expect((await post(op.url, { cookie: op.cookie, 'sec-fetch-site': site })).statusCode, site).toBe(403);
    }
  });

  it('lets the site itself through', async () => {
    const sameSite: Record<string, string>[] = [
      { origin: 'http://fans.example.com' },
      { origin: 'https://fans.example.com' },
      { 'sec-fetch-site': 'same-origin' },
      {},
    ];
    for (const headers of sameSite) {
      for (const op of bodyless(s)) {
        const res = await post(op.url, { cookie: op.cookie, ...headers });
        expect(res.statusCode, `${JSON.stringify(headers)} ${op.url} ${res.body}`).toBe(200);
      }
      await t.app.inject({ method: 'POST', url: `/api/admin/articles/${s.draft}/unpublish`, headers: { cookie: s.owner.cookie } });
    }
    // The default port is the same origin.
    expect(
      (await post(`/api/articles/${s.published}/shares`, { host: 'fans.example.com:80', origin: 'http://fans.example.com', cookie: s.fan.cookie })).statusCode,
    ).toBe(200);
  });

  it('leaves API tokens and requests without a session alone', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/tokens', headers: { cookie: s.owner.cookie }, payload: { name: 'script' } });
    const bearer = { authorization: `Bearer ${created.json().secret}`, origin: 'https://evil.example' };
    const published = await post(`/api/admin/articles/${s.draft}/publish`, bearer);
    expect(published.statusCode, published.body).toBe(200);
    // A token call that also carries a cookie (a script reusing a browser's jar) is still a token call.
    expect((await post(`/api/admin/articles/${s.draft}/unpublish`, { ...bearer, cookie: s.owner.cookie })).statusCode).toBe(200);
    // No cookie: nothing to forge (a sign-in form on another site only signs its own user in).
    expect((await post(`/api/articles/${s.published}/views`, { origin: 'https://evil.example' })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/fan/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'x@example.com', password: 'whatever-1' },
    });
    expect(login.statusCode).toBe(401);
    // Reads are never refused.
    expect((await t.app.inject({ method: 'GET', url: '/api/fan/me', headers: { cookie: s.fan.cookie, origin: 'https://evil.example' } })).statusCode).toBe(200);
  });
});

describe('CSRF: PUBLIC_BASE_URL set, its origin is the only one allowed', () => {
  const t = useTestApp({ publicOrigin: 'https://fans.example.com' });
  let s: Session;
  beforeEach(async () => {
    s = await session(t.app);
  });

  it('takes the configured origin whatever Host the proxy passed on', async () => {
    for (const op of bodyless(s)) {
      const res = await t.app.inject({
        method: 'POST',
        url: op.url,
        headers: { host: 'fanbase.internal:3000', origin: 'https://fans.example.com', cookie: op.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('refuses any other origin, even one agreeing with a client-chosen Host', async () => {
    for (const [host, origin] of [
      ['evil.example', 'http://evil.example'],
      ['fans.example.com', 'http://fans.example.com'],
      ['fans.example.com', 'https://www.fans.example.com'],
    ]) {
      for (const op of bodyless(s)) {
        const res = await t.app.inject({ method: 'POST', url: op.url, headers: { host: host!, origin: origin!, cookie: op.cookie } });
        expect(res.statusCode, `${origin} ${op.url}`).toBe(403);
        expect(res.json().error.code).toBe('csrf.cross_site');
      }
    }
  });
});
