import cliProgress from 'cli-progress';

/** A progress bar on `stream` (stderr: stdout stays clean for data), or nothing when it is not a terminal. */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string, total: number) {
  if (!stream.isTTY) {
    return { update: (_done: number) => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, stream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  return { update: (done: number) => bar.update(Math.min(done, total)), stop: () => bar.stop() };
}
