import { z } from 'zod';

/** IANA time zones this runtime knows, plus UTC (which `supportedValuesOf` may list as Etc/UTC). */
const ZONES = new Set<string>(['UTC', ...Intl.supportedValuesOf('timeZone')]);

export const isTimeZone = (value: string): boolean => ZONES.has(value);

/** An IANA time zone name such as `Asia/Shanghai` or `UTC`. */
export const timeZoneField = z.string().trim().max(64).refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai or UTC');

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function localDay(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(at);
}
