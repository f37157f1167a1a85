import type { CliIo } from '../io.ts';
import { progressBar } from '../progress.ts';
import { simulateFestival, type SimulationSummary } from './festival-simulation.ts';

export type SimulateOptions = {
  url: string;
  festival: string;
  fans: string;
  duration: string;
  retryShare: string;
  overLimitShare: string;
  concurrency: string;
  json?: boolean;
};

function numberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new RangeError(`--${name} must be a number from ${min} to ${max} (got "${value}")`);
  return n;
}

/** The summary as a table: answers by kind, orders and units, answer times, attempts per second. */
export function summaryTable(s: SimulationSummary): string {
  const rows: [string, string | number][] = [
    ['fans', s.fans],
    ['attempts', s.attempts],
    ...Object.entries(s.answers)
      .filter(([, n]) => n > 0)
      .map(([kind, n]): [string, number] => [`  ${kind}`, n]),
    ['orders won', s.orders],
    ['units won', s.unitsWon],
    ...s.items.map((i): [string, string] => [`  ${i.sku}`, `${i.unitsWon} of a quota of ${i.quota}`]),
    ['retries (same key)', s.retries],
    ['  of a won attempt, same order', `${s.retriesSameOrder} of ${s.retriesOfWins}`],
    ['answer time p50 / p99', `${s.p50Ms} / ${s.p99Ms} ms`],
    ['attempts/s', `${s.attemptsPerS} over ${s.seconds} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}

/**
 * `fanbase festival simulate`: a festival's day against a running server (festival-simulation.ts).
 * Exits 1 when what fans were told breaks a guarantee: a retry answered with another order, or
 * more units won than an item's quota.
 */
export async function festivalSimulate(io: CliIo, opts: SimulateOptions): Promise<number> {
  let summary: SimulationSummary;
  let bar: ReturnType<typeof progressBar> | undefined;
  try {
    const options = {
      url: opts.url,
      festival: opts.festival,
      fans: numberOption('fans', opts.fans, 1, 1_000_000),
      durationS: numberOption('duration', opts.duration, 0, 86_400),
      retryShare: numberOption('retry-share', opts.retryShare, 0, 1),
      overLimitShare: numberOption('over-limit-share', opts.overLimitShare, 0, 1),
      concurrency: numberOption('concurrency', opts.concurrency, 1, 10_000),
    };
    io.stderr.write(`Signing up ${options.fans} fans, then ${options.durationS} s of attempts at ${options.url}…\n`);
    summary = await simulateFestival({
      ...options,
      onAttempt: (done, expected) => {
        bar ??= progressBar(io.stderr, 'Attempts', expected);
        bar.update(done);
      },
    });
  } catch (err) {
    io.stderr.write(`fanbase: ${(err as Error).message}\n`);
    return 1;
  } finally {
    bar?.stop();
  }
  io.stdout.write(opts.json ? `${JSON.stringify(summary)}\n` : summaryTable(summary));
  const broken = [
    ...(summary.retriesSameOrder < summary.retriesOfWins ? [`${summary.retriesOfWins - summary.retriesSameOrder} retries answered another order`] : []),
    ...summary.items.filter((i) => i.unitsWon > i.quota).map((i) => `${i.sku}: ${i.unitsWon} units won of a quota of ${i.quota}`),
  ];
  for (const line of broken) io.stderr.write(`fanbase: guarantee broken: ${line}\n`);
  return broken.length ? 1 : 0;
}
