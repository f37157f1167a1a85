import net from 'node:net';
import argon2 from 'argon2';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, type AppOptions } from '../src/server/app.ts';
import { TEST_METRICS_TOKEN, useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

describe('hardening: /metrics, sign-in timing, oversized bodies', () => {
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
  afterEach(() => {
    vi.restoreAllMocks();
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

  describe('sign-in with an unknown email does the work of a known one', () => {
    const cases = [
      { door: 'console', url: '/api/console/login', make: (app: FastifyInstance) => createOwner(app) },
      { door: 'fan site', url: '/api/fan/login', make: (app: FastifyInstance) => signupFan(app) },
    ];
    for (const c of cases) {
      it(`verifies a password hash either way (${c.door})`, async () => {
        const account = await c.make(t.app);
        const verify = vi.spyOn(argon2, 'verify');
        const hash = vi.spyOn(argon2, 'hash');
        const attempt = async (email: string) => {
          verify.mockClear();
          hash.mockClear();
          const res = await t.app.inject({ method: 'POST', url: c.url, payload: { email, password: 'not-the-password' } });
          expect(res.statusCode).toBe(401);
          expect(res.json().error.code).toBe('auth.invalid_credentials');
          return { verified: verify.mock.calls.map(([h]) => String(h).split('$').slice(0, 4).join('$')), hashed: hash.mock.calls.length };
        };
        await attempt(`nobody-warm-up-${c.door.length}@example.com`);
        const known = await attempt(account.email);
        const unknown = await attempt(`nobody-${Date.now()}@example.com`);
        expect(known).toEqual({ verified: [expect.stringMatching(/^\$argon2id\$v=19\$m=/)], hashed: 0 });
        // The same kind of hash, with the same cost parameters, and nothing else.
        expect(unknown).toEqual(known);
      });
    }
  });

  describe('a body over the limit gets its 413 on a real connection', () => {
    let port = 0;
    beforeAll(async () => {
      const app = await appWith({});
      await app.listen({ port: 0, host: '127.0.0.1' });
      port = (app.server.address() as net.AddressInfo).port;
    });

    /** Writes the whole request first (as simple clients do), then reads whatever comes back. */
    function send(head: string, body: (socket: net.Socket) => Promise<void>): Promise<{ response: string; error?: string }> {
      return new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        let response = '';
        socket.on('data', (d) => (response += d.toString('latin1')));
        socket.on('error', (err: NodeJS.ErrnoException) => resolve({ response, error: err.code ?? err.message }));
        socket.on('close', () => resolve({ response }));
        socket.on('connect', () => {
          socket.write(head);
          void body(socket);
        });
      });
    }
    const write = (socket: net.Socket, data: Buffer | string) => new Promise<void>((resolve) => (socket.write(data) ? resolve() : socket.once('drain', resolve)));
    const TEN_MB = 10 * 1024 * 1024;
    const CHUNK = Buffer.alloc(64 * 1024, 'a');

    const expect413 = (r: { response: string; error?: string }) => {
      expect(r.error).toBeUndefined();
      const [head = '', body = ''] = r.response.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 413 /);
      expect(head.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(body)).toEqual({ error: { code: 'request.body_too_large', message: expect.any(String), params: {} } });
    };

    it('answers a 10 MB chunked body with 413, then closes cleanly', async () => {
      for (let round = 0; round < 3; round++) {
        const r = await send('POST /api/fan/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', async (socket) => {
          const size = Buffer.from(`${CHUNK.length.toString(16)}\r\n`);
          for (let sent = 0; sent < TEN_MB; sent += CHUNK.length) await write(socket, Buffer.concat([size, CHUNK, Buffer.from('\r\n')]));
          await write(socket, '0\r\n\r\n');
        });
        expect413(r);
      }
    }, 60_000);

    it('answers a declared 10 MB Content-Length with 413 too', async () => {
      const r = await send(`POST /api/fan/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${TEN_MB}\r\n\r\n`, async (socket) => {
        for (let sent = 0; sent < TEN_MB; sent += CHUNK.length) await write(socket, CHUNK);
      });
      expect413(r);
    }, 60_000);
  });
});
