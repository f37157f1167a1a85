import { inspect } from 'node:util';
import pino, { type Logger } from 'pino';
import type { LogFormat, LogLevel } from '../config/env.ts';

/** Where a command's log goes: the server's on stdout, the other commands' on stderr (stdout carries their data). */
export type LogTarget = NodeJS.WritableStream & { isTTY?: boolean };

const LABELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
/** Fields every record carries, or that the line shows in its own place. */
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err', 'reqId']);

const clock = (time: number) => new Date(time).toTimeString().slice(0, 8);

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return inspect(value, { breakLength: Infinity, depth: 3, compact: true });
}

/**
 * One pino record (a JSON line) as one readable line, `12:04:05 WARN  message key=value`, and an
 * error's stack under it.
 */
export function textLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const fields = Object.entries(record)
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  const head = [clock(Number(record.time ?? Date.now())), LABELS[Number(record.level)] ?? String(record.level), record.msg ?? '', ...fields];
  const err = record.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n  ${(err.stack ?? err.message ?? '').split('\n').join('\n  ')}` : '';
  return `${head.filter((part) => part !== '').join(' ')}${stack}\n`;
}

/** A pino destination that writes each record as a readable line. */
const textDestination = (target: LogTarget) => ({ write: (json: string) => void target.write(textLine(json)) });

export type LoggerOptions = { level: LogLevel | undefined; format: LogFormat | undefined; defaultLevel: LogLevel; target: LogTarget };

/** LOG_FORMAT when set; otherwise readable text on a terminal and JSON lines elsewhere (files, log collectors). */
export function resolveLogFormat(format: LogFormat | undefined, target: LogTarget): LogFormat {
  return format ?? (target.isTTY ? 'text' : 'json');
}

/** The process's logger: LOG_LEVEL or the command's default level, in LOG_FORMAT or the format that suits the target. */
export function createLogger(options: LoggerOptions): { log: Logger; format: LogFormat } {
  const format = resolveLogFormat(options.format, options.target);
  const level = options.level ?? options.defaultLevel;
  const log = format === 'json' ? pino({ level }, options.target) : pino({ level }, textDestination(options.target));
  return { log, format };
}
