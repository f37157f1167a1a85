import { AppError } from '../../core/errors.ts';
import { openRuntime } from '../runtime.ts';
import { progressBar } from '../progress.ts';

/** The nightly loyalty recompute, on demand, recorded as a job run staff see in the console. */
export async function crmRecompute(): Promise<void> {
  const { database, container } = await openRuntime();
  try {
    const ctx = container.ctx({ kind: 'system' });
    process.stderr.write('Rebuilding signals from activities…\n');
    let bar: ReturnType<typeof progressBar> | undefined;
    const run = await container.services.loyalty.runRecompute(ctx, 'cli', (done, total) => {
      bar ??= progressBar('Levels', total ?? done);
      bar.update(done);
    });
    bar?.stop();
    if (run.status === 'failed') throw new AppError('job.failed', { job: 'Recompute', reason: run.error ?? 'unknown error' });
    const result = run.result as { fans: number; changed: number; seconds: number };
    process.stdout.write(`Recomputed ${result.fans} fans in ${result.seconds} s; ${result.changed} changed level.\n`);
  } finally {
    await database.close();
  }
}
