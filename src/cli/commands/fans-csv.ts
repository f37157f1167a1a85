import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvWriter } from '../../core/csv.ts';
import { AppError } from '../../core/errors.ts';
import { EXPORT_COLUMNS } from '../../modules/segments/segments.schemas.ts';
import { progressBar } from '../progress.ts';
import { openRuntime } from '../runtime.ts';

/** `fanbase fans import FILE`: streams the file through the same import as the console. */
export async function fansImport(file: string): Promise<void> {
  if (!existsSync(file)) throw new AppError('import.file_not_found', { file });
  const lines = readFileSync(file).reduce((n, byte) => n + (byte === 10 ? 1 : 0), 0);
  const { database, container } = await openRuntime();
  try {
    const bar = progressBar('Importing', Math.max(lines - 1, 1));
    const report = await container.services.fanImport.run(container.ctx({ kind: 'system' }), createReadStream(file), (rows) => bar.update(rows));
    bar.stop();
    process.stdout.write(`${report.rows} rows: ${report.created} fans created, ${report.existing} already existed, ${report.rejected} rejected.\n`);
    for (const e of report.errors) process.stdout.write(`  line ${e.line}${e.email ? ` (${e.email})` : ''}: ${e.reason} [${e.code}]\n`);
    if (report.rejected > report.errors.length) process.stdout.write(`  … and ${report.rejected - report.errors.length} more\n`);
    // Analytics, counters and loyalty follow the new activities before the command ends.
    await container.stream.drain(10 * 60_000);
  } finally {
    await database.close();
  }
}

/** `fanbase fans export [--segment NAME] [--out FILE]`: CSV to a file or stdout, streamed. */
export async function fansExport(opts: { segment?: string; out?: string }): Promise<void> {
  const { database, container } = await openRuntime();
  try {
    const ctx = container.ctx({ kind: 'system' });
    const { segments, fans } = container.services;
    const segment = opts.segment ? await segments.findByName(ctx, opts.segment) : undefined;
    const total = segment ? segment.count : (await fans.stats(ctx)).fans;
    const bar = opts.out ? progressBar('Exporting', total) : undefined;
    let done = 0;
    async function* counted() {
      for await (const row of segments.exportRows(ctx, segment?.filter)) {
        if (++done % 500 === 0) bar?.update(done);
        yield row;
      }
    }
    const target = opts.out ? createWriteStream(opts.out) : process.stdout;
    await pipeline(Readable.from(counted()), csvWriter(EXPORT_COLUMNS, { bom: Boolean(opts.out) }), target, { end: Boolean(opts.out) });
    if (!opts.out && process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
    bar?.update(done);
    bar?.stop();
    if (opts.out) process.stderr.write(`Exported ${done} fans to ${opts.out}.\n`);
  } finally {
    await database.close();
  }
}
