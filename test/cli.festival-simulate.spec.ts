import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../scripts/build-server.mjs';
import { openTestDatabase, type TestDatabase } from './engine.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

// `fanbase festival simulate` as users run it (bin/fanbase.js) against a real server process: a
// small festival, fewer units than fans on one item, and what the summary says checked against
// itself and against what the console says was sold. Processes on a busy machine: room for them.
const BIN = path.resolve(import.meta.dirname, '../bin/fanbase.js');
const TEST_TIMEOUT = 300_000;

type Summary = {
  fans: number;
  attempts: number;
  answers: Record<string, number>;
  orders: number;
  unitsWon: number;
  items: { id: string; sku: string; quota: number; unitsWon: number }[];
  retries: number;
  retriesOfWins: number;
  retriesSameOrder: number;
  p50Ms: number;
  p99Ms: number;
  attemptsPerS: number;
};

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function call(url: string, method: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(url, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
}

describe('fanbase festival simulate', () => {
  let dir: string;
  let database: TestDatabase | undefined;
  let server: ServerProcess;
  let owner: string;
  let festivalId: string;

  beforeAll(async () => {
    await ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'fanbase-simulate-'));
    const env: Record<string, string> = { FANBASE_DATA_DIR: dir, TRUST_PROXY: 'loopback' };
    if (process.env.TEST_DATABASE_URL) {
      database = await openTestDatabase();
      env.DATABASE_URL = database.url!;
    }
    server = await startServerProcess(env);
    const setup = await fetch(`${server.url}/api/console/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@simulate.test', name: 'Owner', password: 'owner-password-1' }),
    });
    expect(setup.status).toBe(201);
    owner = setup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const product = await call(`${server.url}/api/admin/store/products`, 'POST', owner, {
      title: 'Festival phone',
      slug: 'festival-phone',
      variants: [
        { sku: 'phone-scarce', name: 'Scarce', price: { amountMinor: 199_900 }, stock: 5 },
        { sku: 'phone-plenty', name: 'Plenty', price: { amountMinor: 99_900 }, stock: 100 },
      ],
    });
    expect(product.status).toBe(201);
    const p = (await product.json()) as { id: string; variants: { id: string }[] };
    expect((await call(`${server.url}/api/admin/store/products/${p.id}/publish`, 'POST', owner)).status).toBe(200);
    const startsAt = new Date(Date.now() + 4_000);
    const festival = await call(`${server.url}/api/admin/festivals`, 'POST', owner, {
      name: 'Simulated festival',
      slug: 'simulated',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      requiresReservation: false,
    });
    expect(festival.status).toBe(201);
    festivalId = ((await festival.json()) as { id: string }).id;
    for (const [variantId, quota, perFanLimit] of [
      [p.variants[0]!.id, 5, 1],
      [p.variants[1]!.id, 100, 2],
    ] as const)
      expect(
        (await call(`${server.url}/api/admin/festivals/${festivalId}/items`, 'POST', owner, { variantId, priceMinor: 59_900, quota, perFanLimit })).status,
      ).toBe(200);
    expect((await call(`${server.url}/api/admin/festivals/${festivalId}/publish`, 'POST', owner)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() + 500 - Date.now())));
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await server?.stop();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'signs fans up, drives their attempts and prints a summary that adds up: units within the quotas, retries answered the same order',
    async () => {
      const fans = 30;
      const r = await run([
        'festival',
        'simulate',
        '--url',
        server.url,
        '--festival',
        'simulated',
        '--fans',
        String(fans),
        '--duration',
        '2',
        '--retry-share',
        '0.2',
        '--over-limit-share',
        '0.1',
        '--concurrency',
        '10',
        '--json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as Summary;
      // Every fan tried once; 1 in 5 retried with the same key, 1 in 10 asked past the limit.
      expect(s.fans).toBe(fans);
      expect(s.retries).toBe(6);
      expect(s.attempts).toBe(fans + 6 + 3 + s.answers.busy!);
      expect(Object.values(s.answers).reduce((a, b) => a + b, 0)).toBe(s.attempts);
      expect(s.answers.error).toBe(0);
      // 15 fans want the scarce item's 5 units: exactly 5 sold, the rest told sold_out.
      const [scarce, plenty] = s.items;
      expect(scarce).toMatchObject({ sku: 'phone-scarce', quota: 5, unitsWon: 5 });
      expect(s.answers.sold_out).toBeGreaterThan(0);
      expect(plenty!.unitsWon).toBeLessThanOrEqual(100);
      expect(s.unitsWon).toBe(scarce!.unitsWon + plenty!.unitsWon);
      // A retry of a won attempt is answered the same order, never a second one.
      expect(s.retriesOfWins).toBeGreaterThan(0);
      expect(s.retriesSameOrder).toBe(s.retriesOfWins);
      expect(s.answers.won).toBe(s.orders + s.retriesSameOrder);
      expect(s.answers.limit_reached).toBeGreaterThan(0);
      expect(s.p99Ms).toBeGreaterThanOrEqual(s.p50Ms);
      // The console agrees: what is left of each item is its quota less the units fans were told they won.
      const admin = (await (await call(`${server.url}/api/admin/festivals/${festivalId}`, 'GET', owner)).json()) as {
        items: { variant: { sku: string }; quota: number; remaining: number }[];
      };
      for (const item of s.items) {
        const shown = admin.items.find((i) => i.variant.sku === item.sku)!;
        expect(shown.quota - shown.remaining, item.sku).toBe(item.unitsWon);
      }

      // Without --json: the table, answers by kind.
      const table = await run(['festival', 'simulate', '--url', server.url, '--festival', 'simulated', '--fans', '4', '--duration', '0']);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/^attempts\s+\d+$/m);
      expect(table.stdout).toMatch(/^ {2}sold_out\s+\d+$/m);
      expect(table.stdout).toMatch(/^answer time p50 \/ p99\s+[\d.]+ \/ [\d.]+ ms$/m);

      const missing = await run(['festival', 'simulate', '--url', server.url, '--festival', 'no-such-festival', '--fans', '1', '--duration', '0']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^fanbase: festival no-such-festival: 404/m);
    },
    TEST_TIMEOUT,
  );
});
