import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../scripts/build-server.mjs';
import { sandboxSecretFor } from '../src/config/sandbox-secret.ts';
import { SANDBOX_SIGNATURE_HEADER, signSandbox } from '../src/modules/payments/providers/sandbox-signature.ts';
import { openTestDatabase, type TestDatabase } from './engine.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * A notification answered 200 is the provider's "delivered": it will not send it again. So it
 * must be durable when answered. Here a real server process is killed with SIGKILL in the middle
 * of a storm of notifications, started again on the same data, and every notification it had
 * answered 200 must have paid its payment; the provider then sends again what it never heard
 * back about, and every payment ends paid exactly once. PGlite (a data directory) and PostgreSQL.
 */
const TIMEOUT = 420_000;
const FANS = 40;

type Fan = { cookie: string; paymentId: string };

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('payment notifications survive a crash of the server', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;
  const sessionSecret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'fanbase-crash-'));
    // TRUST_PROXY=loopback: the test is the proxy, so each fan signs up from an address of its own.
    env = { FANBASE_DATA_DIR: dir, SESSION_SECRET: sessionSecret, TRUST_PROXY: 'loopback' };
    if (process.env.TEST_DATABASE_URL) {
      database = await openTestDatabase();
      env.DATABASE_URL = database.url!;
    }
  }, TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'every notification answered 200 before a kill -9 is applied after the restart; retries apply the rest once',
    async () => {
      server = await startServerProcess(env);
      const base = server.url;
      const setup = await post(`${base}/api/console/setup`, { email: 'owner@crash.test', name: 'Olivia Owner', password: 'owner-password-1' });
      expect(setup.status).toBe(201);
      const owner = cookieOf(setup);
      const tier = await post(
        `${base}/api/admin/membership-tiers`,
        { name: 'Gold', rank: 1, monthlyPriceMinor: 1_000, yearlyPriceMinor: 10_000 },
        { cookie: owner },
      );
      expect(tier.status, await tier.clone().text()).toBe(201);
      const tierId = ((await tier.json()) as { id: string }).id;

      const fans: Fan[] = [];
      for (let i = 0; i < FANS; i++) {
        const signup = await post(
          `${base}/api/fan/signup`,
          { email: `fan-${i}@crash.test`, displayName: `Fan ${i}`, password: 'fan-password-1' },
          { 'x-forwarded-for': `198.51.100.${i + 1}` },
        );
        expect(signup.status).toBe(201);
        const cookie = cookieOf(signup);
        const checkout = await post(`${base}/api/fan/membership/checkout`, { tierId, interval: 'month' }, { cookie });
        expect(checkout.status, await checkout.clone().text()).toBe(201);
        const { action } = (await checkout.json()) as { action: { url: string } };
        fans.push({ cookie, paymentId: action.url.split('/').pop()! });
      }

      const secret = sandboxSecretFor(sessionSecret);
      const deliver = async (url: string, f: Fan) => {
        const body = JSON.stringify({
          id: `evt_${f.paymentId}`,
          type: 'payment.paid',
          payment: `sbx_${f.paymentId}`,
          amountMinor: 1_000,
          currency: 'CNY',
          createdAt: new Date().toISOString(),
        });
        const res = await fetch(`${url}/api/payments/notifications/sandbox`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandbox(secret, body, new Date()) },
          body,
        });
        return res.status;
      };

      // The storm: 8 at a time; the server is killed once a third of them were answered.
      const answered = new Set<string>();
      let next = 0;
      let killing: Promise<void> | undefined;
      const crashed = server;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < fans.length && !killing) {
            const f = fans[next++]!;
            const status = await deliver(base, f).catch(() => 0);
            if (status === 200) answered.add(f.paymentId);
            if (answered.size >= FANS / 3 && !killing) killing = crashed.kill();
          }
        }),
      );
      await killing;
      expect(answered.size).toBeGreaterThanOrEqual(FANS / 3);
      expect(answered.size).toBeLessThan(FANS);

      server = await startServerProcess(env);
      const statusOf = async (f: Fan) => {
        const res = await fetch(`${server!.url}/api/fan/payments/${f.paymentId}`, { headers: { cookie: f.cookie } });
        expect(res.status).toBe(200);
        return ((await res.json()) as { status: string }).status;
      };
      for (const f of fans.filter((f) => answered.has(f.paymentId))) expect(await statusOf(f), `payment ${f.paymentId} was acknowledged`).toBe('paid');

      // The provider retries every notification it has no 200 for, and (being a provider) some it has.
      for (const f of fans) expect(await deliver(server.url, f)).toBe(200);
      for (const f of fans) expect(await statusOf(f)).toBe('paid');
      for (const f of fans) {
        const mine = await fetch(`${server.url}/api/fan/membership`, { headers: { cookie: f.cookie } });
        const body = (await mine.json()) as { membership: { status: string } | null; purchases: { status: string }[] };
        expect(body.membership?.status).toBe('active');
        // One purchase, settled once: no notification was applied twice across the crash.
        expect(body.purchases.map((p) => p.status)).toEqual(['settled']);
      }
    },
    TIMEOUT,
  );
});
