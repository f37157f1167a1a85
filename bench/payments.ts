/**
 * npm run bench:payments [-- --quick] [-- --payments 10000] [-- --ledger 1000000] [-- --duration 10] [-- --connections 10] [-- --storm 100]
 *
 * Drives a real `fanbase serve` process (plus the benchmarks' reference routes) from this one:
 *   (a) the reference: bench:http's authenticated one-INSERT route, in the same run, at
 *       bench:http's 10 connections and at the storm's connections; the higher is the reference
 *       (so the ratio is never flattered by a reference slowed down by queueing);
 *   (b) payment notifications over HTTP, as a provider's storm after a festival delivers them
 *       (many at once: --storm connections, default 100): N pending sandbox payments are written
 *       directly, then signed sandbox notifications are POSTed to
 *       /api/payments/notifications/sandbox by autocannon, each verified and applied under the
 *       payment's lock (batched: notification-intake.ts): one `paid` per payment,
 *       10% of them sent twice, and for 5% a `failed` sent after the `paid` (out of order);
 *   (c) then: every payment paid; duplicates applied (a payment with more than one ledger
 *       transaction, a notification applied twice) must be 0; the ledger balanced (every
 *       transaction sums to zero per currency and has two entries or more);
 *   (d) the revenue page: the ledger is loaded to N transactions over 36 months (generate_series,
 *       chunks of 100,000 per database transaction, the balance triggers running), then
 *       GET /api/admin/revenue for the last 12 months, median of 5 after a warm-up; beside it,
 *       the same figures summed from ledger_entries (what the monthly totals save).
 * The server knows the sandbox secret because both derive it from one SESSION_SECRET.
 * PGlite always; PostgreSQL too when DATABASE_URL is set (in a scratch database it drops).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sandboxSecretFor } from '../src/config/sandbox-secret.ts';
import { addMonths, monthOf } from '../src/core/months.ts';
import { SANDBOX_SIGNATURE_HEADER, signSandbox } from '../src/modules/payments/providers/sandbox-signature.ts';
import { signUpFans, startServer, type Engine } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    payments: { type: 'string' },
    ledger: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    storm: { type: 'string' },
  },
});
const quick = values.quick;
const paymentCount = Number(values.payments ?? (quick ? 1_000 : 10_000));
const ledgerCount = Number(values.ledger ?? (quick ? 20_000 : 1_000_000));
const duration = Number(values.duration ?? (quick ? 2 : 10));
const warmup = quick ? 0.5 : 2;
const connections = Number(values.connections ?? 10);
const storm = Number(values.storm ?? 100);
const LOAD_CHUNK = 100_000;

type Result = {
  engine: Engine;
  insertRps: number;
  insertRpsAtStorm: number;
  notifications: number;
  notificationsPerS: number;
  notificationsP99: number;
  errors: number;
  paid: number;
  duplicatesApplied: number;
  ledgerDisagrees: number;
  ledgerBalanced: boolean;
  ledgerLoadS: number;
  revenueMs: number;
  byEntriesMs: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

async function call<T>(url: string, init?: { method?: string; body?: unknown; cookie?: string }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? 'GET',
    headers: { ...(init?.body === undefined ? {} : { 'content-type': 'application/json' }), ...(init?.cookie ? { cookie: init.cookie } : {}) },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The notifications a provider would send: a `paid` each, 10% twice, and for 5% a late `failed`, well after its `paid`. */
function notificationBodies(payments: { id: string; amountMinor: number }[]): string[] {
  const now = new Date().toISOString();
  const event = (i: number, type: 'payment.paid' | 'payment.failed', p: { id: string; amountMinor: number }) =>
    JSON.stringify({ id: `evt_${i}_${type}`, type, payment: `sbx_${p.id}`, amountMinor: p.amountMinor, currency: 'CNY', createdAt: now });
  const slots: { at: number; body: string }[] = [];
  payments.forEach((p, i) => {
    const paid = event(i, 'payment.paid', p);
    slots.push({ at: i, body: paid });
    if (i % 10 === 5) slots.push({ at: i + 2 * storm + 0.5, body: paid });
    if (i % 20 === 7) slots.push({ at: i + 4 * storm + 0.25, body: event(i, 'payment.failed', p) });
  });
  return slots.sort((a, b) => a.at - b.at).map((s) => s.body);
}

async function measure(engine: Engine, adminUrl?: string): Promise<Result> {
  const sessionSecret = randomBytes(32).toString('hex');
  const secret = sandboxSecretFor(sessionSecret);
  const server = await startServer(engine, adminUrl, { withBenchRoutes: true, env: { SESSION_SECRET: sessionSecret } });
  const log = (line: string) => process.stderr.write(`[${engine}] ${line}\n`);
  try {
    // (a) The reference: one INSERT per request after the fan's session lookup.
    const cookies = await signUpFans(server.url, Math.max(connections, storm));
    let nextFan = 0;
    const withFan = (req: autocannon.Request, context: object) => {
      const c = context as { cookie?: string };
      c.cookie ??= cookies[nextFan++ % cookies.length]!;
      return { ...req, headers: { ...req.headers, cookie: c.cookie } };
    };
    const insert: autocannon.Options = {
      url: server.url,
      connections,
      pipelining: 1,
      requests: [{ method: 'POST', path: '/bench/insert', setupRequest: withFan }],
    };
    await autocannon({ ...insert, duration: warmup });
    nextFan = 0;
    const reference = await autocannon({ ...insert, duration });
    log(`one INSERT, ${connections} connections: ${Math.round(reference.requests.average)} req/s`);
    nextFan = 0;
    const referenceAtStorm = await autocannon({ ...insert, connections: storm, duration });
    log(`one INSERT, ${storm} connections: ${Math.round(referenceAtStorm.requests.average)} req/s`);

    // (b) Notifications, verified and applied.
    const payments = await call<{ id: string; amountMinor: number }[]>(`${server.url}/bench/payments`, { method: 'POST', body: { n: paymentCount } });
    const bodies = notificationBodies(payments);
    let next = 0;
    const started = performance.now();
    const sent = await autocannon({
      url: server.url,
      connections: storm,
      pipelining: 1,
      amount: bodies.length,
      // A notification queued behind a storm on PGlite can wait past autocannon's 10 s default:
      // slow, not lost (its p99 is reported); a timeout would count it as an error.
      timeout: 60,
      requests: [
        {
          method: 'POST',
          path: '/api/payments/notifications/sandbox',
          setupRequest: (req) => {
            const body = bodies[next++ % bodies.length]!;
            return { ...req, body, headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandbox(secret, body, new Date()) } };
          },
        },
      ],
    });
    const seconds = (performance.now() - started) / 1000;
    log(`${bodies.length} notifications in ${round1(seconds)} s`);

    // (c) The money afterwards.
    const check = await call<{ payments: number; paid: number; duplicatesApplied: number; ledgerDisagrees: number; ledgerBalanced: boolean }>(
      `${server.url}/bench/payments/check`,
    );

    // (d) The revenue page over a large ledger.
    let loadMs = 0;
    for (let from = 1; from <= ledgerCount; from += LOAD_CHUNK) {
      const to = Math.min(from + LOAD_CHUNK - 1, ledgerCount);
      loadMs += (await call<{ ms: number }>(`${server.url}/bench/ledger`, { method: 'POST', body: { from, to, total: ledgerCount } })).ms;
      log(`ledger: ${to.toLocaleString('en')} of ${ledgerCount.toLocaleString('en')} transactions loaded (${round1(loadMs / 1000)} s)`);
    }
    const setup = await fetch(`${server.url}/api/console/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@bench.test', name: 'Bench Owner', password: 'bench-owner-password' }),
    });
    if (setup.status !== 201) throw new Error(`owner setup: ${setup.status} ${await setup.text()}`);
    const owner = setup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const to = monthOf(new Date());
    const from = addMonths(to, -11);
    const revenueUrl = `${server.url}/api/admin/revenue?from=${from}&to=${to}&currency=CNY`;
    const first = await call<{ totals: { netMinor: number }; months: unknown[] }>(revenueUrl, { cookie: owner });
    if (first.months.length !== 12 || !(first.totals.netMinor > 0)) throw new Error(`the revenue report looks wrong: ${JSON.stringify(first.totals)}`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await call(revenueUrl, { cookie: owner });
      times.push(performance.now() - t0);
    }
    const byEntries: number[] = [];
    for (let i = 0; i < 3; i++) byEntries.push((await call<{ ms: number }>(`${server.url}/bench/ledger/by-entries?from=${from}&to=${to}`)).ms);

    return {
      engine,
      insertRps: Math.round(Math.max(reference.requests.average, referenceAtStorm.requests.average)),
      insertRpsAtStorm: Math.round(referenceAtStorm.requests.average),
      notifications: bodies.length,
      notificationsPerS: Math.round(sent.requests.total / seconds),
      notificationsP99: sent.latency.p99,
      errors:
        reference.errors +
        reference.timeouts +
        reference.non2xx +
        referenceAtStorm.errors +
        referenceAtStorm.timeouts +
        referenceAtStorm.non2xx +
        sent.errors +
        sent.timeouts +
        sent.non2xx,
      paid: check.paid === check.payments && check.payments === paymentCount ? check.paid : -check.paid,
      duplicatesApplied: check.duplicatesApplied,
      ledgerDisagrees: check.ledgerDisagrees,
      ledgerBalanced: check.ledgerBalanced,
      ledgerLoadS: round1(loadMs / 1000),
      revenueMs: round1(median(times)),
      byEntriesMs: round1(median(byEntries)),
    };
  } finally {
    await server.stop();
  }
}

const results = [await measure('pglite')];
if (process.env.DATABASE_URL) results.push(await measure('postgres', process.env.DATABASE_URL));

console.log(
  `\nPayments benchmark: ${paymentCount.toLocaleString('en')} payments (${results[0]!.notifications.toLocaleString('en')} notifications), ` +
    `the reference at ${connections} and ${storm} connections (the higher counts), notifications at ${storm}; the reference ${duration} s after ${warmup} s warm-up; revenue over ${ledgerCount.toLocaleString('en')} loaded ledger transactions, ` +
    `12 months, median of 5; server in its own process\n`,
);
console.table(
  results.map((r) => ({
    engine: r.engine,
    'one INSERT req/s (reference)': r.insertRps,
    [`one INSERT req/s at ${storm}`]: r.insertRpsAtStorm,
    'notifications/s': r.notificationsPerS,
    'notifications p99 ms': r.notificationsP99,
    'errors/non-2xx': r.errors,
    'all paid': r.paid > 0,
    'duplicates applied': r.duplicatesApplied,
    'ledger disagrees': r.ledgerDisagrees,
    'ledger balanced': r.ledgerBalanced,
  })),
);
console.table(
  results.map((r) => ({
    engine: r.engine,
    'ledger load s': r.ledgerLoadS,
    'ledger tx/s': Math.round(ledgerCount / Math.max(r.ledgerLoadS, 0.001)),
    'GET /api/admin/revenue ms': r.revenueMs,
    'same sums from ledger_entries ms': r.byEntriesMs,
  })),
);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const figures = (r: Result | undefined, prefix: string) =>
  r
    ? {
        [`${prefix}notifications_per_s`]: r.notificationsPerS,
        [`${prefix}insert_rps`]: r.insertRps,
        [`${prefix}notifications_ratio`]: ratio(r.notificationsPerS, r.insertRps),
        [`${prefix}duplicates_applied`]: r.duplicatesApplied,
        [`${prefix}ledger_balanced`]: r.ledgerBalanced,
        [`${prefix}revenue_page_ms`]: r.revenueMs,
      }
    : {};
console.log(
  JSON.stringify({
    bench: 'payments',
    ...figures(
      results.find((r) => r.engine === 'pglite'),
      '',
    ),
    ...figures(
      results.find((r) => r.engine === 'postgres'),
      'pg_',
    ),
  }),
);
const failed = results.filter((r) => r.errors > 0 || r.paid <= 0 || r.duplicatesApplied > 0 || r.ledgerDisagrees > 0 || !r.ledgerBalanced);
if (failed.length) {
  console.error(`the money does not add up (or requests failed) on: ${failed.map((r) => r.engine).join(', ')}`);
  process.exit(1);
}
