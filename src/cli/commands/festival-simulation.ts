import { randomBytes, randomUUID } from 'node:crypto';

/**
 * A festival as fans live it, against a running server over HTTP (issue 11 item 10): N fans sign
 * up (or sign in again), then arrive — half of them in the first tenth of the time, the rest
 * thinning out over the remainder — each trying for one item. Some fans retry their attempt with
 * the same Idempotency-Key (a lost answer: the server must answer the same order), some ask past
 * the per-fan limit (a second attempt for more once they hold the limit). A `busy` answer's
 * Retry-After is waited out before the same attempt is sent again. Each fan makes at most three
 * attempts, each fan has a browser (visitor id) of its own: under the bot checks' rates.
 */
export type SimulationOptions = {
  url: string;
  festival: string;
  fans: number;
  durationS: number;
  retryShare: number;
  overLimitShare: number;
  concurrency: number;
  /** Told after each answered attempt (progress). */
  onAttempt?: (done: number, expected: number) => void;
};

export type AnswerKind = 'won' | 'sold_out' | 'limit_reached' | 'not_started' | 'ended' | 'not_eligible' | 'busy' | 'refused' | 'error';

export type SimulationSummary = {
  fans: number;
  attempts: number;
  answers: Record<AnswerKind, number>;
  /** Distinct orders fans were told they won. */
  orders: number;
  unitsWon: number;
  /** Per item: units won and the quota the festival page showed. */
  items: { id: string; sku: string; quota: number; unitsWon: number }[];
  retries: number;
  /** Retries answered with the same order as the first answer (of retries whose first answer was `won`). */
  retriesSameOrder: number;
  retriesOfWins: number;
  p50Ms: number;
  p99Ms: number;
  seconds: number;
  attemptsPerS: number;
};

type Item = { id: string; quota: number; perFanLimit: number; variant: { sku: string } };
type Fan = { cookie: string; visitor: string };
type Answer = { kind: AnswerKind; orderId?: string; retryAfterS?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small counting semaphore: at most `n` requests in flight. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Signs fan i up, or in when the address is taken (a second run). Sign-ups are limited per address: each fan comes from its own. */
async function fanSession(url: string, run: string, i: number): Promise<Fan> {
  const email = `sim-${run}-${i}@simulate.test`;
  const address = `198.18.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
  const body = JSON.stringify({ email, password: `simulated-fan-${run}`, displayName: `Simulated fan ${i}` });
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  for (let tries = 0; ; tries++) {
    let res = await fetch(`${url}/api/fan/signup`, { method: 'POST', headers, body });
    if (res.status === 409) res = await fetch(`${url}/api/fan/login`, { method: 'POST', headers, body });
    if (res.ok) return { cookie: cookieOf(res), visitor: `fb_vid=${randomBytes(12).toString('base64url')}` };
    if (res.status === 429 && tries < 5) {
      await sleep(1000 * Number(res.headers.get('retry-after') ?? 1));
      continue;
    }
    throw new Error(`fan ${i} could not sign up: ${res.status} ${await res.text()}`);
  }
}

/** When fan i of n arrives, in ms from the start: half in the first tenth, then a thinning tail. */
export function arrivalMs(i: number, n: number, durationMs: number): number {
  const burst = Math.ceil(n / 2);
  if (i < burst) return (i / burst) * 0.1 * durationMs;
  // The tail: the inverse of an exponential's distribution, cut at the end.
  const u = (i - burst + 0.5) / Math.max(1, n - burst);
  const rate = 3;
  const x = -Math.log(1 - u * (1 - Math.exp(-rate))) / rate;
  return (0.1 + 0.9 * x) * durationMs;
}

export async function simulateFestival(o: SimulationOptions): Promise<SimulationSummary> {
  const url = o.url.replace(/\/+$/, '');
  const page = await fetch(`${url}/api/festivals/${encodeURIComponent(o.festival)}`);
  if (!page.ok) throw new Error(`festival ${o.festival}: ${page.status} ${await page.text()}`);
  const items = ((await page.json()) as { items: Item[] }).items;
  if (items.length === 0) throw new Error(`festival ${o.festival} has no items`);

  const run = randomBytes(4).toString('hex');
  const gate = limiter(o.concurrency);
  const fans = await Promise.all(Array.from({ length: o.fans }, (_, i) => gate(() => fanSession(url, run, i))));

  const answers = Object.fromEntries(
    (['won', 'sold_out', 'limit_reached', 'not_started', 'ended', 'not_eligible', 'busy', 'refused', 'error'] as const).map((k) => [k, 0]),
  ) as Record<AnswerKind, number>;
  const times: number[] = [];
  const orders = new Map<string, { itemId: string; units: number }>();
  let attempts = 0;
  let retries = 0;
  let retriesOfWins = 0;
  let retriesSameOrder = 0;
  const expected = o.fans + Math.round(o.fans * (o.retryShare + o.overLimitShare));

  async function attempt(fan: Fan, item: Item, quantity: number, key: string): Promise<Answer> {
    for (;;) {
      const answer = await gate(async (): Promise<Answer> => {
        const started = performance.now();
        const res = await fetch(`${url}/api/fan/festivals/${encodeURIComponent(o.festival)}/items/${item.id}/attempts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `${fan.cookie}; ${fan.visitor}`, 'idempotency-key': key },
          body: JSON.stringify({ quantity }),
        }).catch(() => undefined);
        const text = res ? await res.text() : '';
        times.push(performance.now() - started);
        attempts++;
        o.onAttempt?.(attempts, expected);
        if (!res) return { kind: 'error' };
        if (res.status === 429) {
          const code = (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code;
          return { kind: code === 'festival.busy' ? 'busy' : 'refused', retryAfterS: Number(res.headers.get('retry-after') ?? 1) };
        }
        if (res.status === 403) return { kind: 'refused' };
        if (res.status === 400 && text.includes('festival.quantity_above_limit')) return { kind: 'limit_reached' };
        if (res.status !== 200) return { kind: 'error' };
        const body = JSON.parse(text) as { answer: AnswerKind; order?: { id: string } };
        return { kind: body.answer, ...(body.order ? { orderId: body.order.id } : {}) };
      });
      answers[answer.kind]++;
      if (answer.kind === 'busy' && answer.retryAfterS !== undefined) {
        await sleep(answer.retryAfterS * 1000);
        continue;
      }
      if (answer.kind === 'won' && answer.orderId && !orders.has(answer.orderId)) orders.set(answer.orderId, { itemId: item.id, units: quantity });
      return answer;
    }
  }

  /** Fan i's day: one item, one attempt, perhaps its retry, perhaps a try for more than the limit. */
  async function fanDay(i: number, fan: Fan) {
    const item = items[i % items.length]!;
    const key = randomUUID();
    const first = await attempt(fan, item, 1, key);
    // Deterministic shares: every 1/share-th fan, spread over the run.
    const picks = (share: number, salt: number) => share > 0 && Math.floor((i + salt) * share) !== Math.floor((i + salt - 1) * share);
    if (picks(o.retryShare, 0)) {
      retries++;
      const again = await attempt(fan, item, 1, key);
      if (first.kind === 'won') {
        retriesOfWins++;
        if (again.kind === 'won' && again.orderId === first.orderId) retriesSameOrder++;
      }
    }
    if (picks(o.overLimitShare, 7)) await attempt(fan, item, first.kind === 'won' ? item.perFanLimit : item.perFanLimit + 1, randomUUID());
  }

  const durationMs = o.durationS * 1000;
  const start = performance.now();
  await Promise.all(
    fans.map(async (fan, i) => {
      const wait = arrivalMs(i, o.fans, durationMs) - (performance.now() - start);
      if (wait > 0) await sleep(wait);
      await fanDay(i, fan);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10 : 0);
  const unitsOf = (itemId: string) => [...orders.values()].filter((x) => x.itemId === itemId).reduce((s, x) => s + x.units, 0);
  return {
    fans: o.fans,
    attempts,
    answers,
    orders: orders.size,
    unitsWon: [...orders.values()].reduce((s, x) => s + x.units, 0),
    items: items.map((it) => ({ id: it.id, sku: it.variant.sku, quota: it.quota, unitsWon: unitsOf(it.id) })),
    retries,
    retriesOfWins,
    retriesSameOrder,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    seconds: Math.round(seconds * 10) / 10,
    attemptsPerS: Math.round(attempts / Math.max(seconds, 0.001)),
  };
}
