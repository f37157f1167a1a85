/**
 * npm run bench:http [-- --quick] [-- --duration 10] [-- --connections 20]
 *
 * Drives a real `fanbase serve` process with autocannon from this (separate) process:
 *   (a) GET /api/ping: the bare route (no I/O, no auth), the ceiling for every other benchmark;
 *   (b) an authenticated follow/unfollow toggle: session lookup + UPDATE + INSERT per request,
 *       one fan per connection so connections do not queue on one row.
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

async function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ ...opts, connections, pipelining: 1 });
}

async function measure(engine: Engine, adminUrl?: string): Promise<Row[]> {
  const server = await startServer(engine, adminUrl);
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
    const rows: Row[] = [];
    for (const [scenario, opts] of [
      ['bare GET /api/ping', bare],
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
const failed = rows.filter((r) => r.errors > 0);
const pick = (engine: Engine, scenario: string) => rows.find((r) => r.engine === engine && r.scenario.startsWith(scenario));
const bare = pick('pglite', 'bare')!;
const follow = pick('pglite', 'follow')!;
const pgFollow = pick('postgres', 'follow');
const pgBare = pick('postgres', 'bare');
console.log(
  JSON.stringify({
    bench: 'http',
    bare_rps: bare.rps,
    bare_p99_ms: bare.p99,
    follow_rps: follow.rps,
    follow_p99_ms: follow.p99,
    ...(pgFollow && pgBare
      ? { pg_bare_rps: pgBare.rps, pg_bare_p99_ms: pgBare.p99, pg_follow_rps: pgFollow.rps, pg_follow_p99_ms: pgFollow.p99 }
      : {}),
  }),
);
if (failed.length) {
  console.error(`errors in: ${failed.map((r) => `${r.engine} ${r.scenario}`).join(', ')}`);
  process.exit(1);
}
