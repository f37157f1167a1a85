import autocannon from 'autocannon';

export type LoadResult = {
  rps: number;
  seconds: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

const summary = (r: autocannon.Result): LoadResult => ({
  // Answers over the run's own length (autocannon's per-second average counts a partial last second as a whole one).
  rps: Math.round(r.requests.total / Math.max(r.duration, 0.001)),
  seconds: r.duration,
  total: r.requests.total,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
  statusCodes: Object.fromEntries(
    Object.entries(r as unknown as Record<string, number>)
      .filter(([k]) => /^[1-5]xx$/.test(k))
      .map(([k, v]) => [k, v]),
  ),
});

/**
 * The most a route answers: closed loop, fastify/benchmarks' settings (100 connections,
 * pipelining 10) unless told otherwise.
 */
export async function maxRate(options: autocannon.Options): Promise<LoadResult> {
  return summary(await autocannon({ connections: 100, pipelining: 10, ...options }));
}

/**
 * Latency at a fixed arrival rate (requests per second over all connections): a closed loop
 * hides queueing, a fixed rate shows it. Pipelining 1, so each request's time is its own. The
 * client has its own ceiling at pipelining 1 (about 25 k req/s on a 2-core machine): compare the
 * answer's `rps` with the rate asked before trusting its latencies.
 */
export async function atRate(options: autocannon.Options, rate: number): Promise<LoadResult> {
  return summary(await autocannon({ connections: 100, pipelining: 1, ...options, overallRate: Math.max(1, Math.round(rate)) }));
}
