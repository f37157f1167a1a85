import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../scripts/build-server.mjs';
import { openTestDatabase, type TestDatabase } from './engine.ts';
import { attempt, festivalTotals, ownerOf, publishFestival, signUpFans, type Answer } from './festival-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * `won` is the festival's promise: the order exists. Here a real server process is killed with
 * SIGKILL in the middle of a festival's rush, started again on the same data, and: every fan told
 * `won` has their order; units sold are exactly the units of the durable orders; nobody is over the
 * limit; the gate, set again from the durable orders at start, sells what is left — to the last
 * unit of the quota, never one more (units admitted and never written are not lost). PGlite (a data
 * directory) and PostgreSQL (with Redis when TEST_REDIS_URL is set: the gate there outlives the process).
 */
const TIMEOUT = 480_000;
const FANS = 60;
const QUOTA = 80;
const LIMIT = 2;

describe('a festival survives a crash of the server', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'fanbase-crash-festival-'));
    env = { FANBASE_DATA_DIR: dir, SESSION_SECRET: randomBytes(32).toString('hex'), TRUST_PROXY: 'loopback' };
    if (process.env.TEST_DATABASE_URL) {
      database = await openTestDatabase();
      env.DATABASE_URL = database.url!;
      if (process.env.TEST_REDIS_URL)
        Object.assign(env, { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: `test-crash-${randomBytes(6).toString('hex')}:` });
    }
  }, TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'every won answer before a kill -9 has its order after the restart; sold == durable orders; the rest sells to exactly the quota',
    async () => {
      server = await startServerProcess(env);
      const owner = await ownerOf(server.url);
      const fans = await signUpFans(server.url, FANS);
      const f = await publishFestival(server.url, owner, { quota: QUOTA, perFanLimit: LIMIT });

      // The rush: 12 at a time, fans in turn; the server is killed once 25 units were won.
      const won: { fan: number; orderId: string }[] = [];
      let next = 0;
      let killing: Promise<void> | undefined;
      const crashed = server;
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          while (!killing && next < FANS * 3) {
            const fan = next++ % FANS;
            const a: Answer = await attempt(crashed.url, fans[fan]!.cookie, f.itemId);
            if (a.status === 200 && a.answer === 'won') won.push({ fan, orderId: a.order!.id });
            if (won.length >= 25 && !killing) killing = crashed.kill();
          }
        }),
      );
      await killing;
      expect(won.length).toBeGreaterThanOrEqual(25);
      expect(won.length).toBeLessThan(QUOTA);

      server = await startServerProcess(env);
      const base = server.url;
      for (const w of won) {
        const res = await fetch(`${base}/api/fan/orders/${w.orderId}`, { headers: { cookie: fans[w.fan]!.cookie } });
        expect(res.status, `order ${w.orderId} was answered won`).toBe(200);
        expect(((await res.json()) as { status: string }).status).toBe('pending_payment');
      }
      // The gate is set from the durable orders at start; with Redis, what the killed process
      // admitted and never wrote goes back once its lease has run out (15 s): wait up to a minute.
      let after = await festivalTotals(base, owner, f.id, f.itemId);
      for (let waited = 0; after.item.remaining !== QUOTA - after.item.sold && waited < 60_000; waited += 1_000) {
        await new Promise((r) => setTimeout(r, 1_000));
        after = await festivalTotals(base, owner, f.id, f.itemId);
      }
      expect(after.item.sold).toBe(after.units);
      expect(after.item.remaining).toBe(QUOTA - after.item.sold);
      expect(Math.max(...after.perFan.values())).toBeLessThanOrEqual(LIMIT);
      for (const w of won) expect(after.orderIds.has(w.orderId)).toBe(true);

      // The sale goes on: every fan tries for their limit; the quota sells out to the last unit.
      const answers: Answer[] = [];
      for (let round = 0; round < LIMIT + 1; round++)
        for (let i = 0; i < FANS; i += 12) answers.push(...(await Promise.all(fans.slice(i, i + 12).map((fan) => attempt(base, fan.cookie, f.itemId)))));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const end = await festivalTotals(base, owner, f.id, f.itemId);
      expect(end.item.sold).toBe(QUOTA);
      expect(end.units).toBe(QUOTA);
      expect(end.item.remaining).toBe(0);
      expect(Math.max(...end.perFan.values())).toBeLessThanOrEqual(LIMIT);
      expect(answers.filter((a) => a.answer === 'won')).toHaveLength(QUOTA - after.units);
    },
    TIMEOUT,
  );
});
