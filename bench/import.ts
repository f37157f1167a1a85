/**
 * npm run bench:import [-- --quick] [-- --rows 100000]
 *
 * Drives a real `fanbase serve` process (PGlite always; PostgreSQL too when DATABASE_URL is set)
 * from this separate process:
 *   (a) a CSV import of N valid rows (default 100,000; a quarter with tags, half with a follow date),
 *       timed from the upload until its report is ready;
 *   (b) a 10 MB file of rejected rows (bad emails), which the server must read whole;
 * then waits until the stream's consumers have applied the import's activities (analytics, loyalty:
 * they wait while a large import writes, then catch up). During each, from the upload until caught
 * up, GET /api/ping every 20 ms from here: its p50 / p99 / max say whether the server kept
 * answering (the goal: p99 under 250 ms).
 */
import { parseArgs } from 'node:util';
import { startServer, type Engine, type RunningServer } from './lib/server.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, rows: { type: 'string' } } });
const rows = Number(values.rows ?? (values.quick ? 5_000 : 100_000));
const badBytes = values.quick ? 1024 * 1024 : 10 * 1024 * 1024;

type Report = { rows: number; created: number; existing: number; rejected: number };
type Row = {
  engine: Engine;
  scenario: string;
  rows: number;
  seconds: number;
  rowsPerS: number;
  caughtUpS: number;
  pingP50: number;
  pingP99: number;
  pingMax: number;
  pings: number;
};

function validCsv(n: number): string {
  const lines = ['email,display_name,followed_at,tags'];
  const day = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i++) {
    const followed = i % 2 === 0 ? new Date(day - (i % 365) * 86_400_000).toISOString().slice(0, 10) : '';
    const tags = i % 4 === 0 ? `vip;wave-${i % 7}` : '';
    lines.push(`fan-${i}@example.com,Fan ${i},${followed},${tags}`);
  }
  return lines.join('\n') + '\n';
}

function badCsv(bytes: number): string {
  const lines = ['email,display_name'];
  let size = lines[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const line = `not-an-email-${i},Someone ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

async function ownerCookie(server: RunningServer): Promise<string> {
  const res = await fetch(`${server.url}/api/console/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@example.com', password: 'bench-owner-password', name: 'Owner' }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Pings every 20 ms until stopped; returns the latencies in ms. */
function pinger(url: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const s = performance.now();
      await (await fetch(`${url}/api/ping`)).arrayBuffer();
      latencies.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : 0);
const round = (n: number) => Math.round(n * 10) / 10;

/** Uploads the CSV and waits for its report: at once (a small file) or by following the background import. */
async function importCsv(server: RunningServer, cookie: string, csv: string): Promise<Report> {
  const res = await fetch(`${server.url}/api/admin/fans/import`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie }, body: csv });
  const body = (await res.json()) as { report?: Report; import?: { id: string } } & Report;
  if (res.status === 200) return body;
  if (res.status !== 202 || !body.import) throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const poll = await fetch(`${server.url}/api/admin/fans/imports/${body.import.id}`, { headers: { cookie } });
    const state = (await poll.json()) as { status: string; report: Report | null; error: string | null };
    if (state.status === 'succeeded') return state.report!;
    if (state.status === 'failed') throw new Error(`import failed: ${state.error}`);
  }
}

/** Until no consumer of the activity stream has anything pending (the figures are current). */
async function caughtUp(server: RunningServer, cookie: string) {
  for (;;) {
    const status = (await (await fetch(`${server.url}/api/admin/stream`, { headers: { cookie } })).json()) as { consumers: { pending: number }[] };
    if (status.consumers.every((c) => c.pending === 0)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function scenario(engine: Engine, server: RunningServer, cookie: string, name: string, csv: string): Promise<Row> {
  const ping = pinger(server.url);
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  const report = await importCsv(server, cookie, csv);
  const seconds = (performance.now() - t0) / 1000;
  await caughtUp(server, cookie);
  const caughtUpS = (performance.now() - t0) / 1000;
  const latencies = (await ping.stop()).sort((a, b) => a - b);
  return {
    engine,
    scenario: `${name}: ${report.created.toLocaleString()} created, ${report.rejected.toLocaleString()} rejected`,
    rows: report.rows,
    seconds: round(seconds),
    rowsPerS: Math.round(report.rows / seconds),
    caughtUpS: round(caughtUpS),
    pingP50: round(pct(latencies, 50)),
    pingP99: round(pct(latencies, 99)),
    pingMax: round(latencies.at(-1) ?? 0),
    pings: latencies.length,
  };
}

async function measure(engine: Engine, adminUrl?: string): Promise<Row[]> {
  const server = await startServer(engine, adminUrl);
  try {
    const cookie = await ownerCookie(server);
    const out: Row[] = [];
    out.push(await scenario(engine, server, cookie, `${rows.toLocaleString()} valid rows`, validCsv(rows)));
    out.push(await scenario(engine, server, cookie, `${(badBytes / 1024 / 1024).toFixed(0)} MB of bad rows`, badCsv(badBytes)));
    return out;
  } finally {
    await server.stop();
  }
}

const results: Row[] = await measure('pglite');
if (process.env.DATABASE_URL) results.push(...(await measure('postgres', process.env.DATABASE_URL)));

console.log(`\nCSV import benchmark (ping every 20 ms during each import; latencies in ms)\n`);
console.table(results);
const pick = (engine: Engine, i: number) => results.filter((r) => r.engine === engine)[i];
const figures: Record<string, unknown> = { bench: 'import', rows };
for (const engine of ['pglite', 'postgres'] as const) {
  const valid = pick(engine, 0);
  const bad = pick(engine, 1);
  if (!valid || !bad) continue;
  figures[`${engine}_import_s`] = valid.seconds;
  figures[`${engine}_caught_up_s`] = valid.caughtUpS;
  figures[`${engine}_ping_p99_ms`] = valid.pingP99;
  figures[`${engine}_bad_10mb_s`] = bad.seconds;
  figures[`${engine}_bad_10mb_ping_p99_ms`] = bad.pingP99;
}
console.log(JSON.stringify(figures));
