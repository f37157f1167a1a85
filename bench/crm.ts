/**
 * npm run bench:crm [-- --quick] [-- --fans N --per-fan K]
 *
 * Builds a channel history (PostgreSQL when DATABASE_URL is set: 1,000,000 fans × 20
 * activities; PGlite: 100,000 × 20), then times what the console asks of it: the 365-day
 * growth chart, one segment count, the super-fan candidates page (median of 5 each) and one
 * full loyalty recompute (signals rebuilt from every activity, then every fan re-levelled).
 *
 * The first recompute gives every fan its signals and level (every row changes); it is timed and
 * shown, then fan_signals is compacted (VACUUM FULL): the synthetic load wrote each row three
 * times in bulk, which a channel that grew activity by activity, with autovacuum, never does.
 * The nightly recompute is then timed on that settled table, and the pages after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createContainer } from '../src/container.ts';
import { createDb, type Database } from '../src/db/client.ts';
import { buildCrmData } from './lib/crm-data.ts';
import { scratchDatabase } from './lib/server.ts';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, fans: { type: 'string' }, 'per-fan': { type: 'string' } },
});
const pgUrl = process.env.DATABASE_URL;
const engine = pgUrl ? 'postgres' : 'pglite';
const fans = Number(values.fans ?? (values.quick ? 5_000 : engine === 'postgres' ? 1_000_000 : 100_000));
const perFan = Number(values['per-fan'] ?? 20);

let database: Database;
let drop: (() => Promise<void>) | undefined;
let dir: string | undefined;
if (pgUrl) {
  const scratch = await scratchDatabase(pgUrl);
  database = await createDb({ engine: 'postgres', url: scratch.url });
  drop = scratch.drop;
} else {
  dir = mkdtempSync(path.join(tmpdir(), 'fanbase-bench-crm-'));
  database = await createDb({ engine: 'pglite', dataDir: path.join(dir, 'pglite') });
}

try {
  await database.migrate();
  const t0 = Date.now();
  await buildCrmData(database.db, fans, perFan, (done) => process.stderr.write(`\rbuilding: ${done.toLocaleString()} / ${fans.toLocaleString()} fans`));
  const [counts] = (
    (await database.db.execute(sql`select (select count(*) from fans)::int as fans, (select count(*) from fan_activities)::int as activities`)) as unknown as {
      rows: { fans: number; activities: number }[];
    }
  ).rows;
  process.stderr.write(`\nbuilt ${counts!.fans} fans, ${counts!.activities} activities in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);

  const k = createContainer(database, { publicBaseUrl: 'http://bench', log: pino({ level: 'silent' }) });
  const ctx = k.ctx({ kind: 'system' });
  const i0 = Date.now();
  const initial = await k.services.loyalty.recomputeAll(ctx);
  const initialS = (Date.now() - i0) / 1000;
  await database.db.execute(sql`vacuum full analyze fan_signals`);
  await database.db.execute(sql`vacuum analyze`);
  const r0 = Date.now();
  const recompute = await k.services.loyalty.recomputeAll(ctx);
  const recomputeS = (Date.now() - r0) / 1000;
  // As autovacuum leaves it (visibility map set, statistics fresh).
  await database.db.execute(sql`vacuum analyze`);

  async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await fn();
      times.push(performance.now() - s);
    }
    return Math.round(times.sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10;
  }
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const segmentFilter = { status: ['following' as const], levels: [1, 2, 3, 4], activeWithinDays: 90, tags: ['vip'] };
  const growthMs = await median(() => k.services.insights.growth(ctx, { from, to }));
  const segmentMs = await median(() => k.services.segments.preview(ctx, segmentFilter));
  const firstPage = { page: 1, pageSize: 50 };
  const candidatesMs = await median(() => Promise.all([k.services.loyalty.superFans(ctx, firstPage), k.services.loyalty.candidates(ctx, firstPage)]));
  const segmentCount = (await k.services.segments.preview(ctx, segmentFilter)).count;
  const funnel = await k.services.loyalty.funnel(ctx);

  console.log(
    `\nCRM benchmark on ${engine}: ${counts!.fans.toLocaleString()} fans, ${counts!.activities.toLocaleString()} activities (median of 5 runs per page)\n`,
  );
  console.table([
    { measure: 'growth chart, 365 days', value: `${growthMs} ms` },
    { measure: `segment count (following, level ≥1, active 90 d, tag vip) = ${segmentCount}`, value: `${segmentMs} ms` },
    { measure: 'super fans + candidates pages (first 50 of each, with totals)', value: `${candidatesMs} ms` },
    { measure: `first loyalty recompute, every fan new (${initial.changed} level changes)`, value: `${initialS.toFixed(1)} s` },
    { measure: `nightly full loyalty recompute (${recompute.changed} level changes)`, value: `${recomputeS.toFixed(1)} s` },
    { measure: 'fans per level 0–4', value: funnel.levels.map((l) => l.fans).join(' / ') },
  ]);
  console.log(
    JSON.stringify({
      bench: 'crm',
      engine,
      fans: counts!.fans,
      activities: counts!.activities,
      growth_chart_ms: growthMs,
      segment_count_ms: segmentMs,
      candidates_ms: candidatesMs,
      recompute_s: Math.round(recomputeS * 10) / 10,
      first_recompute_s: Math.round(initialS * 10) / 10,
    }),
  );
} finally {
  await database.close();
  await drop?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
