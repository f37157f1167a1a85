import { MIN_DAY } from '../../../lib/day-bounds';
import type { DayRange } from '../types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
/** The API refuses longer ranges (3 × 366 days). */
export const MAX_RANGE_DAYS = 3 * 366;
export const RANGE_PRESETS = [7, 30, 90, 365] as const;
export const DEFAULT_RANGE_DAYS = 30;

/** Today in the channel's time zone: the analytics count the channel's days. */
export function todayIn(timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last `days` days up to `today`, today included. */
export function lastDays(days: number, today: string): DayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

export function daysIn(range: DayRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / MS_PER_DAY) + 1;
}

function isDay(value: string | null): value is string {
  return Boolean(value && DAY.test(value) && !Number.isNaN(Date.parse(value)));
}

/** The range in the address bar, or the default one when it is missing or one the API would refuse. */
export function rangeFromParams(from: string | null, to: string | null, today: string): DayRange {
  if (!isDay(from) || !isDay(to) || from < MIN_DAY || from > to || to > today) return lastDays(DEFAULT_RANGE_DAYS, today);
  const range = { from, to };
  return daysIn(range) > MAX_RANGE_DAYS ? lastDays(DEFAULT_RANGE_DAYS, today) : range;
}
