import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, textLine } from './logger.ts';

/** A log target that keeps what is written; `isTTY` as a terminal would say. */
function target(isTTY: boolean) {
  const lines: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, lines };
}

describe('the process logger', () => {
  it('writes readable lines on a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    const tty = target(true);
    createLogger({ level: undefined, format: undefined, defaultLevel: 'info', target: tty.stream }).log.info(
      { job: 'loyalty.recompute', fans: 3 },
      'job finished',
    );
    expect(tty.lines).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d INFO {2}job finished job=loyalty\.recompute fans=3\n$/)]);

    const file = target(false);
    createLogger({ level: undefined, format: undefined, defaultLevel: 'info', target: file.stream }).log.info('job finished');
    expect(JSON.parse(file.lines[0]!)).toMatchObject({ level: 30, msg: 'job finished' });

    const forced = target(true);
    createLogger({ level: undefined, format: 'json', defaultLevel: 'info', target: forced.stream }).log.info('job finished');
    expect(JSON.parse(forced.lines[0]!)).toMatchObject({ msg: 'job finished' });
  });

  it('logs from the command’s default level unless LOG_LEVEL is set', () => {
    const quiet = target(false);
    const { log } = createLogger({ level: undefined, format: undefined, defaultLevel: 'warn', target: quiet.stream });
    log.info('job finished');
    log.warn('import batch failed');
    expect(quiet.lines.map((l) => JSON.parse(l).msg)).toEqual(['import batch failed']);

    const chatty = target(false);
    createLogger({ level: 'info', format: undefined, defaultLevel: 'warn', target: chatty.stream }).log.info('job finished');
    expect(chatty.lines).toHaveLength(1);
  });

  it('puts an error’s stack under its line', () => {
    const line = textLine(JSON.stringify({ level: 50, time: 0, msg: 'job failed', err: { message: 'boom', stack: 'Error: boom\n    at run (job.ts:1:1)' } }));
    expect(line).toMatch(/ ERROR job failed\n {2}Error: boom\n {6}at run \(job\.ts:1:1\)\n$/);
  });
});
