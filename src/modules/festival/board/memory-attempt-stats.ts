import {
  bucketOf,
  checkSeconds,
  LATENCY_BOUNDS,
  LATENCY_WINDOW_S,
  quantileOf,
  secondOf,
  zeroAnswers,
  type AttemptStats,
  type BoardFigures,
  type SecondFigures,
} from './attempt-stats.ts';

type Second = { attempts: number; won: number; unitsWon: number; byAnswer: ReturnType<typeof zeroAnswers>; latency: number[] };
type Festival = {
  seconds: Map<number, Second>;
  totals: BoardFigures['totals'];
  fans: Set<string>;
};

/** Seconds kept per festival (the board reads the last minutes; the report reads the orders). */
const KEEP_S = 3600;

const newSecond = (): Second => ({ attempts: 0, won: 0, unitsWon: 0, byAnswer: zeroAnswers(), latency: new Array<number>(LATENCY_BOUNDS.length).fill(0) });

/** The board's figures in this process (one server process; participants counted exactly). */
export function createMemoryAttemptStats(): AttemptStats {
  const festivals = new Map<string, Festival>();
  const festivalOf = (id: string) => {
    let f = festivals.get(id);
    if (!f) {
      f = { seconds: new Map(), totals: { attempts: 0, byAnswer: zeroAnswers(), unitsWon: 0, wonMinor: 0, participants: 0 }, fans: new Set() };
      festivals.set(id, f);
    }
    return f;
  };
  return {
    record(festivalId, sample, at) {
      const f = festivalOf(festivalId);
      const s = secondOf(at);
      let second = f.seconds.get(s);
      if (!second) {
        second = newSecond();
        f.seconds.set(s, second);
        for (const old of f.seconds.keys()) if (old <= s - KEEP_S) f.seconds.delete(old);
      }
      second.attempts += 1;
      second.byAnswer[sample.answer] += 1;
      second.latency[bucketOf(sample.ms)]! += 1;
      f.totals.attempts += 1;
      f.totals.byAnswer[sample.answer] += 1;
      if (sample.answer === 'won') {
        second.won += 1;
        second.unitsWon += sample.units ?? 0;
        f.totals.unitsWon += sample.units ?? 0;
        f.totals.wonMinor += sample.amountMinor ?? 0;
      }
      if (!f.fans.has(sample.fanId)) {
        f.fans.add(sample.fanId);
        f.totals.participants = f.fans.size;
      }
    },
    async figures(festivalId, now, seconds = 60) {
      checkSeconds(seconds);
      const f = festivals.get(festivalId);
      const last = secondOf(now) - 1;
      const out: SecondFigures[] = [];
      const latency = new Array<number>(LATENCY_BOUNDS.length).fill(0);
      for (let s = last - seconds + 1; s <= last; s++) {
        const second = f?.seconds.get(s);
        out.push({
          at: new Date(s * 1000).toISOString(),
          attempts: second?.attempts ?? 0,
          won: second?.won ?? 0,
          unitsWon: second?.unitsWon ?? 0,
          byAnswer: second ? { ...second.byAnswer } : zeroAnswers(),
        });
      }
      for (let s = last - LATENCY_WINDOW_S + 1; s <= last; s++) f?.seconds.get(s)?.latency.forEach((n, i) => (latency[i]! += n));
      const totals = f ? { ...f.totals, byAnswer: { ...f.totals.byAnswer } } : { attempts: 0, byAnswer: zeroAnswers(), unitsWon: 0, wonMinor: 0, participants: 0 };
      return { seconds: out, totals, latency: { p50: quantileOf(latency, 0.5), p99: quantileOf(latency, 0.99), samples: latency.reduce((a, b) => a + b, 0) } };
    },
    async flush() {},
    async close() {
      festivals.clear();
    },
  };
}
