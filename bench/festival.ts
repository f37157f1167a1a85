/**
 * npm run bench:festival [-- --quick] [-- --duration 10] [-- --fans 20000]
 *
 * Purchase attempts over HTTP against a real `fanbase serve` process on PostgreSQL (a scratch
 * database it drops; DATABASE_URL names the server, default postgres://root@127.0.0.1:5432/postgres),
 * driven by autocannon from this process, fastify/benchmarks' settings (100 connections,
 * pipelining 10):
 *   ceiling   a bare node:http hello route in its own process, measured in the same run;
 *   (a) accepted: the quota above the attempts and a per-fan limit of 99 (the fans take turns), so
 *       every attempt wins and writes a durable order — goal ≥ 0.3 × ceiling;
 *   (b) sold out: demand far above the quota, most answers `sold_out` — goal ≥ 0.7 × ceiling;
 *   latency: p50/p99 at a fixed arrival rate of 80 % of (a)'s and of (b)'s measured maximum
 *       (autocannon's overallRate, pipelining 1) — goal p99 ≤ 25 ms;
 *   the same phases through the row-lock baseline (bench/lib/festival-routes.ts: SELECT … FOR
 *       UPDATE on the item's row, then the same rows written, one transaction per attempt);
 *   references (what bounds the ratios here): the ceiling's route driven with the attempts'
 *       requests (a cookie pair, a new key and a body per request, each answer read: the load
 *       generator's own limit), and the product's bare route /api/ping through every plugin.
 * After every run, read from the database: units sold == min(quota, demand) (demand: fans whose
 * attempt was answered), never above the quota, no fan over the limit, every `won` answer an order.
 * Fans are written in bulk (bench/lib/festival-routes.ts), not signed up; the server runs with
 * FESTIVAL_BOT_CHECKS=off (one load generator plays every fan from one address).
 * Goals print as met / not met; a correctness failure exits 1.
 */
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { startCeiling } from './lib/ceiling.ts';
import { festivalSetup, MAX_QUOTA, type BenchItems } from './lib/festival-setup.ts';
import { atRate, maxRate, type LoadResult } from './lib/load.ts';
import { startServer } from './lib/server.ts';
import type { WriterStats } from '../src/modules/festival/order-writer.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    fans: { type: 'string' },
  },
});
const quick = values.quick;
const duration = Number(values.duration ?? (quick ? 3 : 10));
const rateSeconds = quick ? 2 : 5;
const fanCount = Number(values.fans ?? (quick ? 2_000 : 20_000));
const soldOutQuota = quick ? 20 : 100;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`[festival] ${line}\n`);

type Answers = { won: number; sold_out: number; limit_reached: number; busy: number; other: number };
type Check = { quota: number; sold: number; orders: number; orderedUnits: number; fansOverLimit: number };
type Run = {
  design: 'gate + group commit' | 'row lock';
  phase: string;
  load: LoadResult;
  answers: Answers;
  check: Check;
  oversold: number;
  undersold: number;
  lost: number;
};

/**
 * An attempt as autocannon sends it: each request its own fan's cookies and a new key, each
 * answer's body read and counted. Building and reading them costs the load generator (which
 * shares this machine with the server) much more than the ceiling's one fixed request.
 */
function attemptRequest(path: string, cookies: string[], run: string, answers: Answers): autocannon.Request {
  let next = 0;
  let seq = 0;
  return {
    method: 'POST',
    path,
    setupRequest: (req) => ({
      ...req,
      headers: { 'content-type': 'application/json', cookie: cookies[next++ % cookies.length]!, 'idempotency-key': `${run}-${seq++}` },
      body: '{"quantity":1}',
    }),
    onResponse: (status, body) => {
      if (status === 429) answers.busy++;
      else if (status !== 200) answers.other++;
      else if (body.includes('"won"')) answers.won++;
      else if (body.includes('"sold_out"')) answers.sold_out++;
      else if (body.includes('"limit_reached"')) answers.limit_reached++;
      else answers.other++;
    },
  };
}
const noAnswers = (): Answers => ({ won: 0, sold_out: 0, limit_reached: 0, busy: 0, other: 0 });

const ceilingServer = await startCeiling();
let ceiling: LoadResult;
/** The ceiling's route driven the way the phases drive the festival's: the most any server could answer here with this client. */
let clientLimit: LoadResult;
try {
  await maxRate({ url: ceilingServer.url, duration: quick ? 0.5 : 2 });
  ceiling = await maxRate({ url: ceilingServer.url, duration });
  log(`ceiling: ${ceiling.rps} req/s`);
  const fakeCookies = Array.from({ length: 1000 }, (_, i) => `fb_fan=${'t'.repeat(48)}${i}.${'s'.repeat(43)}; fb_vid=${'v'.repeat(36)}.${'s'.repeat(43)}`);
  clientLimit = await maxRate({ url: ceilingServer.url, requests: [attemptRequest('/attempt', fakeCookies, 'client', noAnswers())], duration });
  log(`ceiling with the attempts' requests (the load generator's limit): ${clientLimit.rps} req/s`);
} finally {
  await ceilingServer.stop();
}

const server = await startServer('postgres', adminUrl, { withBenchRoutes: true, env: { FESTIVAL_BOT_CHECKS: 'off', LOG_LEVEL: 'warn' } });
const runs: Run[] = [];
let appRoute: LoadResult | undefined;
try {
  const setup = await festivalSetup(server.url, { fans: fanCount, soldOutQuota });
  log(`${setup.cookies.length} fans written, festival open`);
  const items: BenchItems = setup.items;
  const cookies = setup.cookies;
  // The product's own bare route (/api/ping: no I/O) through every plugin the attempts pass.
  await maxRate({ url: `${server.url}/api/ping`, duration: quick ? 0.5 : 1 });
  appRoute = await maxRate({ url: `${server.url}/api/ping`, duration });
  log(`the product's bare route /api/ping: ${appRoute.rps} req/s`);

  const writerStats = async () => (await (await fetch(`${server.url}/bench/festival/writer`)).json()) as WriterStats;

  /** One phase: attempts for one unit of `itemId`, the fans in turn, closed loop or at a fixed rate. */
  async function phase(design: Run['design'], name: string, itemId: string, opts: { rate?: number }): Promise<Run> {
    const answers = noAnswers();
    const path = design === 'row lock' ? `/bench/festival/rowlock/${itemId}` : `/api/fan/festivals/${setup.slug}/items/${itemId}/attempts`;
    const request = attemptRequest(path, cookies, `${name}-${Date.now().toString(36)}`, answers);
    const options: autocannon.Options = { url: server.url, requests: [request] };
    const writerBefore = await writerStats();
    const load = opts.rate ? await atRate({ ...options, duration: rateSeconds }, opts.rate) : await maxRate({ ...options, duration });
    // autocannon stops sending, but attempts it sent are still queued in the server: wait until
    // the item's units stop moving, so the next phase starts on an idle server and the check is final.
    const checkOf = async () => (await (await fetch(`${server.url}/bench/festival/check/${itemId}`)).json()) as Check;
    let check = await checkOf();
    for (const settleBy = Date.now() + 60_000; Date.now() < settleBy;) {
      await new Promise((r) => setTimeout(r, 500));
      const again = await checkOf();
      const settled = again.sold === check.sold && again.orders === check.orders;
      check = again;
      if (settled) break;
    }
    // Demand: units the answered attempts asked for (a `busy` one was not let in), each fan up to the limit.
    const answered = answers.won + answers.sold_out + answers.limit_reached;
    const expected = Math.min(check.quota, check.quota === MAX_QUOTA ? answered : Math.min(answered, cookies.length));
    const r: Run = {
      design,
      phase: name,
      load,
      answers,
      check,
      oversold: Math.max(0, check.sold - check.quota) + Math.max(0, check.orderedUnits - check.quota) + check.fansOverLimit,
      undersold: Math.max(0, expected - check.sold),
      lost: Math.max(0, answers.won - check.orders) + (check.sold === check.orderedUnits ? 0 : 1),
    };
    const writerAfter = await writerStats();
    const batches = writerAfter.batches - writerBefore.batches;
    const batchMs = batches ? Math.round(((writerAfter.seconds - writerBefore.seconds) / batches) * 1000 * 10) / 10 : 0;
    log(
      `${design} ${name}: ${load.rps} req/s, p99 ${load.p99} ms, ${JSON.stringify(answers)}, sold ${check.sold} of ${check.quota}; ` +
        `writer: ${batches} batches of ${batches ? Math.round((writerAfter.orders - writerBefore.orders) / batches) : 0} orders, ${batchMs} ms each`,
    );
    runs.push(r);
    return r;
  }

  const accepted = await phase('gate + group commit', 'accepted', items.accepted, {});
  await phase('gate + group commit', 'accepted at 80 %', items.acceptedAtRate, { rate: 0.8 * accepted.load.rps });
  const soldOut = await phase('gate + group commit', 'sold out', items.soldOut, {});
  await phase('gate + group commit', 'sold out at 80 %', items.soldOutAtRate, { rate: 0.8 * soldOut.load.rps });
  const rowAccepted = await phase('row lock', 'accepted', items.rowlockAccepted, {});
  await phase('row lock', 'accepted at 80 %', items.rowlockAcceptedAtRate, { rate: 0.8 * rowAccepted.load.rps });
  const rowSoldOut = await phase('row lock', 'sold out', items.rowlockSoldOut, {});
  await phase('row lock', 'sold out at 80 %', items.rowlockSoldOutAtRate, { rate: 0.8 * rowSoldOut.load.rps });
} finally {
  await server.stop();
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const find = (design: Run['design'], phase: string) => runs.find((r) => r.design === design && r.phase === phase)!;
console.log(
  `\nFestival benchmark on PostgreSQL: ceiling (bare node:http) ${ceiling.rps} req/s; ${fanCount.toLocaleString('en')} fans, ` +
    `${duration} s per phase (${rateSeconds} s at a fixed rate), sold out on a quota of ${soldOutQuota}; 100 connections, pipelining 10 (at a fixed rate: pipelining 1); server in its own process\n`,
);
console.table(
  runs.map((r) => ({
    design: r.design,
    phase: r.phase,
    'req/s': r.load.rps,
    ratio: ratio(r.load.rps, ceiling.rps),
    'p50 ms': r.load.p50,
    'p99 ms': r.load.p99,
    won: r.answers.won,
    sold_out: r.answers.sold_out,
    limit: r.answers.limit_reached,
    busy: r.answers.busy,
    'other/errors': r.answers.other + r.load.errors,
    'sold/quota': `${r.check.sold}/${r.check.quota}`,
    orders: r.check.orders,
    oversold: r.oversold,
    undersold: r.undersold,
    lost: r.lost,
  })),
);
const accepted = find('gate + group commit', 'accepted');
const soldOut = find('gate + group commit', 'sold out');
const p99 = Math.max(find('gate + group commit', 'accepted at 80 %').load.p99, find('gate + group commit', 'sold out at 80 %').load.p99);
const rowlock = find('row lock', 'accepted');
const goals = [
  ['accepted ≥ 0.3 × ceiling', ratio(accepted.load.rps, ceiling.rps) >= 0.3],
  ['sold out ≥ 0.7 × ceiling', ratio(soldOut.load.rps, ceiling.rps) >= 0.7],
  ['p99 at 80 % ≤ 25 ms', p99 <= 25],
] as const;
for (const [goal, met] of goals) console.log(`${met ? 'met    ' : 'not met'}  ${goal}`);
if (rowlock.load.rps > 0) console.log(`gate + group commit accepts ${ratio(accepted.load.rps, rowlock.load.rps)} × the row-lock baseline's attempts/s`);
// What bounds the ratios on this machine, measured in the same run: the load generator's own
// limit with the attempts' requests, and the product's bare route through the same plugins.
console.log(
  `references: the ceiling's route with the attempts' requests ${clientLimit.rps} req/s (${ratio(clientLimit.rps, ceiling.rps)} × ceiling: ` +
    `the most any server answers with this load generator); the product's bare route /api/ping ${appRoute!.rps} req/s (${ratio(appRoute!.rps, ceiling.rps)} × ceiling); ` +
    `sold out = ${ratio(soldOut.load.rps, appRoute!.rps)} × /api/ping, accepted = ${ratio(accepted.load.rps, appRoute!.rps)} × /api/ping`,
);
const oversold = runs.reduce((s, r) => s + r.oversold, 0);
const undersold = runs.reduce((s, r) => s + r.undersold, 0);
const lost = runs.reduce((s, r) => s + r.lost, 0);
console.log(
  JSON.stringify({
    bench: 'festival',
    ceiling_rps: ceiling.rps,
    accepted_rps: accepted.load.rps,
    accepted_ratio: ratio(accepted.load.rps, ceiling.rps),
    soldout_rps: soldOut.load.rps,
    soldout_ratio: ratio(soldOut.load.rps, ceiling.rps),
    p99_ms: p99,
    oversold,
    undersold,
    rowlock_accepted_rps: rowlock.load.rps,
    client_limit_rps: clientLimit.rps,
    app_route_rps: appRoute!.rps,
  }),
);
if (oversold || undersold || lost) {
  console.error(`correctness failed: ${oversold} oversold, ${undersold} undersold, ${lost} won answers without their order`);
  process.exit(1);
}
