import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvWriter } from '../../core/csv.ts';
import { AppError } from '../../core/errors.ts';
import { EXPORT_COLUMNS } from '../../modules/segments/segments.schemas.ts';
import { count } from '../count.ts';
import type { CliIo } from '../io.ts';
import { EXIT_ROWS_REJECTED } from '../exit-codes.ts';
import { progressBar } from '../progress.ts';

/**
 * `fanbase fans import FILE`: streams the file through the same import as the console. Exits
 * with EXIT_ROWS_REJECTED when some rows were rejected, so a script sees it without parsing.
 */
export async function fansImport(io: CliIo, file: string): Promise<number> {
  if (!existsSync(file)) throw new AppError('import.file_not_found', { file });
  const lines = readFileSync(file).reduce((n, byte) => n + (byte === 10 ? 1 : 0), 0);
  const { container, close } = await io.openRuntime();
  try {
    const bar = progressBar(io.stderr, 'Importing', Math.max(lines - 1, 1));
    const report = await container.services.fanImport.run(container.ctx({ kind: 'system' }), createReadStream(file), (rows) => bar.update(rows));
    bar.stop();
    io.stdout.write(`${count(report.rows, 'row')}: ${count(report.created, 'fan')} created, ${report.existing} already existed, ${report.rejected} rejected.\n`);
    for (const e of report.errors) io.stdout.write(`  line ${e.line}${e.email ? ` (${e.email})` : ''}: ${e.reason} [${e.code}]\n`);
    if (report.rejected > report.errors.length) io.stdout.write(`  … and ${report.rejected - report.errors.length} more\n`);
    // Analytics, counters and loyalty follow the new activities before the command ends.
    await container.stream.drain(10 * 60_000);
    return report.rejected > 0 ? EXIT_ROWS_REJECTED : 0;
  } finally {
    await close();
  }
}

/** `fanbase fans export [--segment NAME] [--out FILE]`: CSV to a file or stdout, streamed. */
export async function fansExport(io: CliIo, opts: { segment?: string; out?: string }): Promise<void> {
  const { container, close } = await io.openRuntime();
  try {
    const ctx = container.ctx({ kind: 'system' });
    const { segments, fans } = container.services;
    const segment = opts.segment ? await segments.exportable(ctx, { name: opts.segment }) : undefined;
    const total = segment ? (await segments.preview(ctx, segment.filter)).count : (await fans.stats(ctx)).fans;
    const bar = opts.out ? progressBar(io.stderr, 'Exporting', total) : undefined;
    let done = 0;
    async function* counted() {
      for await (const row of segments.exportRows(ctx, segment?.filter)) {
        if (++done % 500 === 0) bar?.update(done);
        yield row;
      }
    }
    const target = opts.out ? createWriteStream(opts.out) : io.stdout;
    await pipeline(Readable.from(counted()), csvWriter(EXPORT_COLUMNS, { bom: Boolean(opts.out) }), target, { end: Boolean(opts.out) });
    if (!opts.out && io.stdout.writableNeedDrain) await once(io.stdout, 'drain');
    bar?.update(done);
    bar?.stop();
    if (opts.out) io.stderr.write(`Exported ${count(done, 'fan')} to ${opts.out}.\n`);
  } finally {
    await close();
  }
}
