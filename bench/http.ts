/**
 * npm run bench:http [-- --quick] [-- --duration 10] [-- --connections 20]
 *
 * Drives a real `fanbase serve` process with autocannon from this (separate) process:
 *   (a) GET /api/ping: the bare route (no I/O, no auth), the ceiling for every other benchmark;
 *   (b) the reference: an authenticated route doing one INSERT (the follow's session lookup);
 *   (c) an authenticated follow/unfollow toggle: session lookup + UPDATE + INSERT per request,
 *       one fan per connection so connections do not queue on one row. Derived figures follow
 *       after commit: once the load stops the bench times how long the stream's consumers take
 *       to catch up, then checks that a rebuild of every consumer changes no figure.
 * The server is `fanbase serve` plus the reference routes (bench/lib/bench-server.ts).
 * PGlite always; PostgreSQL too when DATABASE_URL is set (in a scratch database it drops).
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { signUpFans, startServer, type Engine } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    connections: { type: 'string' },
  },
});
const duration = Number(values.duration ?? (values.quick ? 2 : 10));
const warmup = values.quick ? 0.5 : 2;
const connections = Number(values.connections ?? 10);

type Row = { engine: Engine; scenario: string; rps: number; p50: number; p99: number; errors: number };
type After = { engine: Engine; lagAfterS: number; rebuildEqual: boolean };
const after: After[] = [];

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ ...opts, connections, pipelining: 1 });
}

async function measure(engine: Engine, adminUrl?: string): Promise<Row[]> {
  const server = await startServer(engine, adminUrl, { withBenchRoutes: true });
  try {
    const cookies = await signUpFans(server.url, connections);
    let next = 0;
    // Each connection (autocannon client context) takes its own fan on its first request.
    const withFan = (req: autocannon.Request, context: object) => {
      const c = context as { cookie?: string };
      c.cookie ??= cookies[next++ % cookies.length]!;
      return { ...req, headers: { ...req.headers, cookie: c.cookie } };
    };
    const toggle: autocannon.Options = {
      url: server.url,
      requests: [
        { method: 'POST', path: '/api/fan/follow', headers: { 'content-type': 'application/json' }, body: '{}', setupRequest: withFan },
        { method: 'DELETE', path: '/api/fan/follow', setupRequest: withFan },
      ],
    };
    const bare: autocannon.Options = { url: `${server.url}/api/ping` };
    const insert: autocannon.Options = { url: server.url, requests: [{ method: 'POST', path: '/bench/insert', setupRequest: withFan }] };
    const rows: Row[] = [];
    for (const [scenario, opts] of [
      ['bare GET /api/ping', bare],
      ['one INSERT (reference)', insert],
      ['follow/unfollow toggle', toggle],
    ] as const) {
      await load({ ...opts, duration: warmup });
      next = 0;
      const r = await load({ ...opts, duration });
      rows.push({
        engine,
        scenario,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
      });
    }
    // The load has stopped: how long until every consumer has applied every activity?
    const stopped = Date.now();
    for (;;) {
      const status = (await (await fetch(`${server.url}/bench/stream`)).json()) as { pending: number }[];
      if (status.every((c) => c.pending === 0)) break;
      if (Date.now() - stopped > 120_000) throw new Error('the stream consumers did not catch up within 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const lagAfterS = Math.round((Date.now() - stopped) / 100) / 10;
    const verify = (await (await fetch(`${server.url}/bench/verify`, { method: 'POST' })).json()) as { equal: boolean };
    after.push({ engine, lagAfterS, rebuildEqual: verify.equal });
    return rows;
  } finally {
    await server.stop();
  }
}

const rows = await measure('pglite');
if (process.env.DATABASE_URL) rows.push(...(await measure('postgres', process.env.DATABASE_URL)));

console.log(`\nHTTP benchmark: ${duration} s per scenario after ${warmup} s warm-up, ${connections} connections, server in its own process\n`);
console.table(
  rows.map((r) => ({
    engine: r.engine,
    scenario: r.scenario,
    'req/s': r.rps,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'errors/non-2xx': r.errors,
  })),
);
console.table(after.map((a) => ({ engine: a.engine, 'consumers caught up after the load (s)': a.lagAfterS, 'rebuild equals incremental': a.rebuildEqual })));
const failed = rows.filter((r) => r.errors > 0);
const pick = (engine: Engine, scenario: string) => rows.find((r) => r.engine === engine && r.scenario.startsWith(scenario));
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const figures = (engine: Engine, prefix: string) => {
  const bare = pick(engine, 'bare');
  const insert = pick(engine, 'one INSERT');
  const follow = pick(engine, 'follow');
  const lag = after.find((a) => a.engine === engine);
  if (!bare || !insert || !follow || !lag) return {};
  return {
    [`${prefix}bare_rps`]: bare.rps,
    [`${prefix}bare_p99_ms`]: bare.p99,
    [`${prefix}insert_rps`]: insert.rps,
    [`${prefix}follow_rps`]: follow.rps,
    [`${prefix}follow_p99_ms`]: follow.p99,
    [`${prefix}follow_ratio`]: ratio(follow.rps, insert.rps),
    [`${prefix}lag_after_s`]: lag.lagAfterS,
  };
};
console.log(JSON.stringify({ bench: 'http', ...figures('pglite', ''), ...figures('postgres', 'pg_') }));
const unequal = after.filter((a) => !a.rebuildEqual);
if (failed.length || unequal.length) {
  if (failed.length) console.error(`errors in: ${failed.map((r) => `${r.engine} ${r.scenario}`).join(', ')}`);
  if (unequal.length) console.error(`a rebuild changed figures on: ${unequal.map((a) => a.engine).join(', ')}`);
  process.exit(1);
}
