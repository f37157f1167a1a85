import { AppError } from '../../core/errors.ts';
import { count } from '../count.ts';
import type { CliIo } from '../io.ts';
import { progressBar } from '../progress.ts';

/** The nightly loyalty recompute, on demand, recorded as a job run staff see in the console. */
export async function crmRecompute(io: CliIo): Promise<void> {
  const { container, close } = await io.openRuntime();
  try {
    const ctx = container.ctx({ kind: 'system' });
    io.stderr.write('Rebuilding signals from activities…\n');
    let bar: ReturnType<typeof progressBar> | undefined;
    const run = await container.services.loyalty.runRecompute(ctx, 'cli', (done, total) => {
      bar ??= progressBar(io.stderr, 'Levels', total ?? done);
      bar.update(done);
    });
    bar?.stop();
    if (run.status === 'failed') throw new AppError('job.failed', { job: 'Recompute', reason: run.error ?? 'unknown error' });
    const result = run.result as { fans: number; changed: number; seconds: number };
    io.stdout.write(`Recomputed ${count(result.fans, 'fan')} in ${result.seconds} s; ${result.changed} changed level.\n`);
  } finally {
    await close();
  }
}
