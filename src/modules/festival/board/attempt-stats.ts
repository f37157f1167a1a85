/**
 * The live figures of a festival's purchase attempts, as the console's board shows them each
 * second: attempts and answers per second, answer time (p50/p99), participants, units won and
 * their value. Recording is synchronous and costs a few map updates (it sits on the attempt's hot
 * path); reading gathers the last seconds. In this process, or in Redis when several server
 * processes share the festival (each flushes its seconds every 250 ms).
 */
export const ATTEMPT_ANSWERS = ['won', 'sold_out', 'limit_reached', 'not_started', 'ended', 'not_eligible', 'busy', 'refused'] as const;
export type AttemptAnswer = (typeof ATTEMPT_ANSWERS)[number];

export type AttemptSample = {
  answer: AttemptAnswer;
  ms: number;
  fanId: string;
  units?: number;
  amountMinor?: number;
  /** Why a `refused` attempt was refused (the bot check's reason: `fan_rate`, `visitor_rate`…); kept by the report. */
  reason?: string;
};

export type SecondFigures = { at: string; attempts: number; won: number; unitsWon: number; byAnswer: Record<AttemptAnswer, number> };
export type BoardFigures = {
  /** The last `seconds` whole seconds, oldest first (seconds without attempts count zero). */
  seconds: SecondFigures[];
  /** Since the festival's first attempt. */
  totals: { attempts: number; byAnswer: Record<AttemptAnswer, number>; unitsWon: number; wonMinor: number; participants: number };
  /** Answer times over the last 10 seconds (milliseconds, bucket upper bounds). */
  latency: { p50: number; p99: number; samples: number };
};

export type AttemptStats = {
  record(festivalId: string, sample: AttemptSample, at: Date): void;
  figures(festivalId: string, now: Date, seconds?: number): Promise<BoardFigures>;
  /** Writes what is buffered (the Redis store; at once for the in-process one). */
  flush(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Answer-time buckets (upper bounds, ms): fine around the festival's 25 ms goal, coarse above.
 * A quantile is reported as its bucket's upper bound, never below the true value.
 */
export const LATENCY_BOUNDS = [
  0.5,
  1,
  2,
  3,
  4,
  5,
  6,
  8,
  10,
  12,
  15,
  20,
  25,
  30,
  40,
  50,
  75,
  100,
  150,
  200,
  300,
  500,
  1000,
  2000,
  5000,
  10_000,
  30_000,
  Infinity,
] as const;

export const bucketOf = (ms: number): number => {
  for (let i = 0; i < LATENCY_BOUNDS.length; i++) if (ms <= LATENCY_BOUNDS[i]!) return i;
  return LATENCY_BOUNDS.length - 1;
};

/** The q-quantile (0..1) of bucket counts, as the bucket's upper bound (0 without samples). */
export function quantileOf(counts: number[], q: number): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i] ?? 0;
    if (seen >= rank) {
      const bound = LATENCY_BOUNDS[i]!;
      return Number.isFinite(bound) ? bound : LATENCY_BOUNDS[LATENCY_BOUNDS.length - 2]!;
    }
  }
  return 0;
}

export const zeroAnswers = (): Record<AttemptAnswer, number> => Object.fromEntries(ATTEMPT_ANSWERS.map((a) => [a, 0])) as Record<AttemptAnswer, number>;
export const secondOf = (at: Date) => Math.floor(at.getTime() / 1000);
export const LATENCY_WINDOW_S = 10;

export function checkSeconds(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) throw new RangeError(`seconds must be 1 to 3600, got ${seconds}`);
}
