import { Redis } from 'ioredis';
import {
  ATTEMPT_ANSWERS,
  bucketOf,
  checkSeconds,
  LATENCY_BOUNDS,
  LATENCY_WINDOW_S,
  quantileOf,
  secondOf,
  zeroAnswers,
  type AttemptSample,
  type AttemptStats,
  type SecondFigures,
} from './attempt-stats.ts';

/** Seconds kept in Redis (the board reads the last minutes). */
const KEEP_S = 7200;
const FLUSH_MS = 250;

type Pending = { seconds: Map<number, Map<string, number>>; totals: Map<string, number>; fans: Set<string> };

const add = (m: Map<string, number>, field: string, n: number) => n !== 0 && m.set(field, (m.get(field) ?? 0) + n);

/**
 * The board's figures in Redis, shared by every server process: each process adds its samples to
 * per-second hashes (`<prefix>festival:stats:{<festival>}:s:<second>`: attempts, won, units,
 * `a:<answer>`, `l:<latency bucket>`), a totals hash and a HyperLogLog of participants (PFADD:
 * within 1 % at any size), buffered and flushed every 250 ms in one pipeline, so an attempt costs
 * no round trip of its own.
 */
export function createRedisAttemptStats(options: { url: string; keyPrefix: string }): AttemptStats {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const key = (festivalId: string, rest: string) => `${options.keyPrefix}festival:stats:{${festivalId}}:${rest}`;
  let pending = new Map<string, Pending>();
  let flushing: Promise<void> = Promise.resolve();

  async function write(batch: Map<string, Pending>) {
    if (batch.size === 0) return;
    const pipe = redis.pipeline();
    for (const [festivalId, p] of batch) {
      for (const [second, fields] of p.seconds) {
        const k = key(festivalId, `s:${second}`);
        for (const [field, n] of fields) pipe.hincrby(k, field, n);
        pipe.expire(k, KEEP_S);
      }
      const totals = key(festivalId, 'totals');
      for (const [field, n] of p.totals) pipe.hincrby(totals, field, n);
      if (p.fans.size) pipe.pfadd(key(festivalId, 'fans'), ...p.fans);
    }
    const replies = (await pipe.exec()) ?? [];
    const failed = replies.find(([err]) => err);
    if (failed) throw failed[0] as Error;
  }

  function flush(): Promise<void> {
    const batch = pending;
    pending = new Map();
    flushing = flushing.then(() => write(batch));
    return flushing;
  }
  const timer = setInterval(() => void flush().catch(() => undefined), FLUSH_MS);
  timer.unref();

  return {
    record(festivalId: string, sample: AttemptSample, at: Date) {
      let p = pending.get(festivalId);
      if (!p) {
        p = { seconds: new Map(), totals: new Map(), fans: new Set() };
        pending.set(festivalId, p);
      }
      const s = secondOf(at);
      let fields = p.seconds.get(s);
      if (!fields) {
        fields = new Map();
        p.seconds.set(s, fields);
      }
      const won = sample.answer === 'won';
      for (const m of [fields, p.totals]) {
        add(m, 'attempts', 1);
        add(m, `a:${sample.answer}`, 1);
        if (won) add(m, 'units', sample.units ?? 0);
      }
      if (won) add(fields, 'won', 1);
      if (won) add(p.totals, 'wonMinor', sample.amountMinor ?? 0);
      add(fields, `l:${bucketOf(sample.ms)}`, 1);
      p.fans.add(sample.fanId);
    },
    async figures(festivalId, now, seconds = 60) {
      checkSeconds(seconds);
      const last = secondOf(now) - 1;
      const first = last - Math.max(seconds, LATENCY_WINDOW_S) + 1;
      const pipe = redis.pipeline();
      for (let s = first; s <= last; s++) pipe.hgetall(key(festivalId, `s:${s}`));
      pipe.hgetall(key(festivalId, 'totals'));
      pipe.pfcount(key(festivalId, 'fans'));
      const replies = (await pipe.exec()) ?? [];
      const failed = replies.find(([err]) => err);
      if (failed) throw failed[0] as Error;
      const hashes = replies.map(([, v]) => v) as (Record<string, string> | number)[];
      const num = (h: Record<string, string>, f: string) => Number(h[f] ?? 0);
      const answersOf = (h: Record<string, string>) => {
        const a = zeroAnswers();
        for (const answer of ATTEMPT_ANSWERS) a[answer] = num(h, `a:${answer}`);
        return a;
      };
      const out: SecondFigures[] = [];
      const latency = new Array<number>(LATENCY_BOUNDS.length).fill(0);
      for (let s = first; s <= last; s++) {
        const h = hashes[s - first] as Record<string, string>;
        if (s > last - seconds)
          out.push({ at: new Date(s * 1000).toISOString(), attempts: num(h, 'attempts'), won: num(h, 'won'), unitsWon: num(h, 'units'), byAnswer: answersOf(h) });
        if (s > last - LATENCY_WINDOW_S) for (let b = 0; b < latency.length; b++) latency[b]! += num(h, `l:${b}`);
      }
      const totals = hashes[last - first + 1] as Record<string, string>;
      return {
        seconds: out,
        totals: {
          attempts: num(totals, 'attempts'),
          byAnswer: answersOf(totals),
          unitsWon: num(totals, 'units'),
          wonMinor: num(totals, 'wonMinor'),
          participants: Number(hashes[last - first + 2] ?? 0),
        },
        latency: { p50: quantileOf(latency, 0.5), p99: quantileOf(latency, 0.99), samples: latency.reduce((a, b) => a + b, 0) },
      };
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush().catch(() => undefined);
      await redis.quit();
    },
  };
}
