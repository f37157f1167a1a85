import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../scripts/build-server.mjs';
import { openTestDatabase, type TestDatabase } from './engine.ts';
import { attempt, festivalTotals, ownerOf, publishFestival, signUpFans } from './festival-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * Two server processes sharing one PostgreSQL — the first thing a growing brand does — with the
 * gate in Redis when TEST_REDIS_URL is set, and without it each process's own gate (then the
 * database's checks are what keeps the quota and the limit). 300 attempts for a quota of 100, half
 * through each process: exactly 100 units sold, one order per `won`, nobody over the limit.
 * PostgreSQL only (an embedded database belongs to one process).
 */
const TIMEOUT = 480_000;
const FANS = 60;

const gates = process.env.TEST_REDIS_URL ? ['in Redis', 'in each process'] : ['in each process'];

describe.runIf(process.env.TEST_DATABASE_URL).each(gates)('a festival sold by two server processes, the gate %s', (gate) => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    await ensureServerBuilt();
    database = await openTestDatabase();
  }, TIMEOUT);
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    await database?.close();
  }, TIMEOUT);

  it(
    '300 attempts for a quota of 100 through two processes: exactly 100 sold, one order per won answer, nobody over the limit of 5',
    async () => {
      const env: Record<string, string> = { DATABASE_URL: database.url!, SESSION_SECRET: randomBytes(32).toString('hex'), TRUST_PROXY: 'loopback' };
      if (gate === 'in Redis') Object.assign(env, { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: `test-two-${randomBytes(6).toString('hex')}:` });
      servers.push(await startServerProcess(env));
      servers.push(await startServerProcess(env));
      const [a, b] = servers as [ServerProcess, ServerProcess];
      const owner = await ownerOf(a.url);
      const fans = await signUpFans(a.url, FANS);
      const f = await publishFestival(a.url, owner, { quota: 100, perFanLimit: 5 });

      // Each fan tries five times, alternating processes, 30 attempts at a time.
      const jobs = Array.from({ length: 300 }, (_, i) => ({ fan: i % FANS, server: i % 2 === 0 ? a : b }));
      const answers = [];
      for (let i = 0; i < jobs.length; i += 30)
        answers.push(...(await Promise.all(jobs.slice(i, i + 30).map((j) => attempt(j.server.url, fans[j.fan]!.cookie, f.itemId)))));
      expect(answers.filter((x) => x.status !== 200)).toEqual([]);
      const won = answers.filter((x) => x.answer === 'won');
      expect(won).toHaveLength(100);
      expect(new Set(won.map((x) => x.order!.id)).size).toBe(100);
      expect(answers.filter((x) => x.answer !== 'won').every((x) => x.answer === 'sold_out' || x.answer === 'limit_reached')).toBe(true);

      for (const server of [a, b]) {
        const totals = await festivalTotals(server.url, owner, f.id, f.itemId);
        expect(totals.item.sold).toBe(100);
        expect(totals.units).toBe(100);
        expect(totals.orderIds.size).toBe(100);
        expect(Math.max(...totals.perFan.values())).toBeLessThanOrEqual(5);
      }
    },
    TIMEOUT,
  );
});
