import { openRuntime } from '../runtime.ts';
import { progressBar } from '../progress.ts';

/** The nightly loyalty recompute, on demand. */
export async function crmRecompute(): Promise<void> {
  const { database, container } = await openRuntime();
  try {
    const ctx = container.ctx({ kind: 'system' });
    const total = (await container.services.fans.stats(ctx)).fans;
    process.stderr.write('Rebuilding signals from activities…\n');
    let bar: ReturnType<typeof progressBar> | undefined;
    const result = await container.services.loyalty.recomputeAll(ctx, (phase, done) => {
      if (phase !== 'levels') return;
      bar ??= progressBar('Levels', total);
      bar.update(done);
    });
    bar?.stop();
    process.stdout.write(`Recomputed ${result.fans} fans in ${result.seconds} s; ${result.changed} changed level.\n`);
  } finally {
    await database.close();
  }
}
