/**
 * npm run bench:festival-replay [-- --quick] [-- --orders 2260000] [-- --fans 15000000] [-- --no-pglite]
 *
 * The 2014 Mi Fan Festival's day, in process (no HTTP): 2,260,000 orders from 15,000,000 fan ids
 * through the same gate and order writer the HTTP path uses (the container's own: createContainer
 * builds them as `fanbase serve` does), durably (synchronous_commit as the server has it, on by
 * default) into PostgreSQL, in a scratch database it drops (DATABASE_URL names the server,
 * default postgres://root@127.0.0.1:5432/postgres); then the same on PGlite at 1/10 scale.
 *   1. the fans, by SQL (timed separately, not part of the replay);
 *   2. the replay, timed: order i is fan (i × 7,368,787 mod fans) + 1's attempt — every one a
 *      different fan — on item i mod 3, up to 20,000 attempts in flight (the server's busy
 *      threshold), each waiting for `won` as a fan does;
 *   3. the physical limit, timed: the rows the writer wrote, copied out, the tables truncated and
 *      the same rows loaded back by a bare COPY (binary) into the same tables, indexes and all.
 * Goals: under 60 s, and ≥ 0.3 × the bare COPY's rate (copy_ratio). Peak RSS is this process's
 * during the replay (on PGlite the database runs inside it).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createContainer } from '../src/container.ts';
import { createDb, type Database } from '../src/db/client.ts';
import type { WriterItem } from '../src/modules/festival/order-writer.ts';
import { fanIdOf, ORDER_TABLES, writeFans, writeFestival } from './lib/replay-data.ts';
import { scratchDatabase } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    orders: { type: 'string' },
    fans: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
  },
});
const orders = Number(values.orders ?? (values.quick ? 20_000 : 2_260_000));
const fans = Number(values.fans ?? (values.quick ? 150_000 : 15_000_000));
const ITEMS = 3;
const IN_FLIGHT = 20_000;
const STRIDE = 7_368_787; // odd, and neither 3 nor 5 divides it: coprime with any count of fans made of 2s, 3s and 5s
const adminUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`[replay] ${line}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

type Result = {
  engine: 'postgres' | 'pglite';
  orders: number;
  fans: number;
  fansSeconds: number;
  seconds: number;
  ordersPerS: number;
  copySeconds: number;
  copyRatio: number;
  peakRssMb: number;
  correct: boolean;
};

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Every attempt through the gate, then the writer; answers the orders written. */
async function replay(container: ReturnType<typeof createContainer>, items: WriterItem[], n: number, fanCount: number): Promise<number> {
  const { gate, festivalWriter: writer } = container;
  let next = 0;
  let written = 0;
  const at = new Date();
  const paymentDeadline = new Date(at.getTime() + 15 * 60_000);
  async function lane() {
    for (let i = next++; i < n; i = next++) {
      const item = items[i % items.length]!;
      const fanId = fanIdOf(((i * STRIDE) % fanCount) + 1);
      if ((await gate.attempt(item.id, fanId, 1)) !== 'won') continue;
      const result = await writer.write({ fanId, key: `replay-${i}`, item, quantity: 1, at, paymentDeadline });
      if (result.kind === 'written') written++;
      else await gate.release(item.id, fanId, 1);
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, n) }, lane));
  return written;
}

/** The writer's rows out, the tables emptied, the same rows back in by COPY: the seconds the COPY took. */
async function bareCopy(database: Database, dir: string): Promise<number> {
  const { db } = database;
  if (database.engine === 'postgres') {
    for (const t of ORDER_TABLES) await db.execute(sql.raw(`copy (select * from ${t}) to '${path.join(dir, t)}' with (format binary)`));
    await db.execute(sql.raw(`truncate ${ORDER_TABLES.join(', ')} cascade`));
    const started = performance.now();
    for (const t of ORDER_TABLES) await db.execute(sql.raw(`copy ${t} from '${path.join(dir, t)}' with (format binary)`));
    return (performance.now() - started) / 1000;
  }
  type Blobbing = { query(q: string, p?: unknown[], o?: { blob?: Blob }): Promise<{ blob?: Blob }> };
  const client = (db as unknown as { $client: Blobbing }).$client;
  const blobs = new Map<string, Blob>();
  for (const t of ORDER_TABLES) blobs.set(t, (await client.query(`copy (select * from ${t}) to '/dev/blob' with (format binary)`)).blob!);
  await client.query(`truncate ${ORDER_TABLES.join(', ')} cascade`);
  const started = performance.now();
  for (const t of ORDER_TABLES) await client.query(`copy ${t} from '/dev/blob' with (format binary)`, [], { blob: blobs.get(t)! });
  return (performance.now() - started) / 1000;
}

async function measure(engine: Result['engine'], n: number, fanCount: number): Promise<Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fanbase-replay-'));
  const scratch = engine === 'postgres' ? await scratchDatabase(adminUrl) : undefined;
  const database = await createDb(scratch ? { engine: 'postgres', url: scratch.url } : { engine: 'pglite', dataDir: path.join(dir, 'pglite') });
  const container = createContainer(database, { publicBaseUrl: 'http://bench', log: pino({ level: 'silent' }) });
  try {
    await database.migrate();
    const { db } = database;
    let t0 = performance.now();
    await writeFans(db, fanCount, (done) => log(`${engine}: ${done.toLocaleString('en')} of ${fanCount.toLocaleString('en')} fans`));
    const fansSeconds = (performance.now() - t0) / 1000;
    const items = await writeFestival(db, n, ITEMS);
    for (const item of items) {
      const quota = Math.floor(n / ITEMS) + (items.indexOf(item) < n % ITEMS ? 1 : 0);
      await container.gate.load(item.id, { quota, perFanLimit: 1, sold: 0, byFan: new Map() });
    }
    log(`${engine}: replaying ${n.toLocaleString('en')} orders`);
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
    t0 = performance.now();
    const written = await replay(container, items, n, fanCount);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const [check] = rowsOf<{ orders: string; sold: string; units: string; activities: string }>(
      await db.execute(sql`select (select count(*) from orders) as orders, (select sum(sold) from festival_items) as sold,
        (select sum(units) from festival_fan_units) as units, (select count(*) from fan_activities where kind = 'order_placed') as activities`),
    );
    const correct = [check!.orders, check!.sold, check!.units, check!.activities].every((v) => Number(v) === n) && written === n;
    log(`${engine}: ${written.toLocaleString('en')} orders in ${round(seconds)} s; copying the same rows`);
    // The PostgreSQL server writes and reads the files itself (a superuser's COPY): a directory it may write.
    const copyDir = engine === 'postgres' ? mkdtempSync('/tmp/fanbase-replay-copy-') : dir;
    chmodSync(copyDir, 0o777);
    let copySeconds: number;
    try {
      copySeconds = await bareCopy(database, copyDir);
    } finally {
      if (copyDir !== dir) rmSync(copyDir, { recursive: true, force: true });
    }
    return {
      engine,
      orders: written,
      fans: fanCount,
      fansSeconds: round(fansSeconds),
      seconds: round(seconds, 2),
      ordersPerS: Math.round(written / seconds),
      copySeconds: round(copySeconds, 2),
      copyRatio: round(copySeconds / seconds, 2),
      peakRssMb: Math.round(peakRss / 1048576),
      correct,
    };
  } finally {
    await container.gate.close();
    await container.attemptStats.close();
    await database.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [await measure('postgres', orders, fans)];
if (!values['no-pglite']) results.push(await measure('pglite', Math.round(orders / 10), Math.round(fans / 10)));

console.log(
  `\nFestival replay: the gate and the order writer in process, ${ITEMS} items, up to ${IN_FLIGHT.toLocaleString('en')} attempts in flight; PGlite at 1/10\n`,
);
console.table(
  results.map((r) => ({
    engine: r.engine,
    orders: r.orders,
    fans: r.fans,
    'fans written s': r.fansSeconds,
    'replay s': r.seconds,
    'orders/s': r.ordersPerS,
    'bare COPY s': r.copySeconds,
    'COPY rows/s (orders)': Math.round(r.orders / r.copySeconds),
    copy_ratio: r.copyRatio,
    'peak RSS MB': r.peakRssMb,
    correct: r.correct,
  })),
);
const pg = results[0]!;
const full = pg.orders >= 2_260_000;
console.log(`${pg.seconds < 60 ? 'met    ' : 'not met'}  under 60 s${full ? '' : ' (at this scale: the goal is for 2,260,000 orders)'}`);
console.log(`${pg.copyRatio >= 0.3 ? 'met    ' : 'not met'}  ≥ 0.3 × a bare COPY of the same rows`);
console.log(
  JSON.stringify({
    bench: 'festival-replay',
    orders: pg.orders,
    seconds: pg.seconds,
    orders_per_s: pg.ordersPerS,
    copy_ratio: pg.copyRatio,
    peak_rss_mb: pg.peakRssMb,
  }),
);
const wrong = results.filter((r) => !r.correct);
if (wrong.length) {
  console.error(`orders, units sold, fans' units and activities disagree on: ${wrong.map((r) => r.engine).join(', ')}`);
  process.exit(1);
}
