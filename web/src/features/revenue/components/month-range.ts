import type { MonthRange } from '../types';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The API refuses longer ranges. */
export const MAX_RANGE_MONTHS = 36;
export const RANGE_PRESETS = [6, 12, 24, 36] as const;
export const DEFAULT_RANGE_MONTHS = 12;
const MIN_MONTH = '1900-01';

/** This UTC month: the ledger's months are UTC months. */
export const currentMonth = (): string => new Date().toISOString().slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1];
  return new Date(Date.UTC(year, index + n, 1)).toISOString().slice(0, 7);
}

export function monthsIn(range: MonthRange): number {
  return (Number(range.to.slice(0, 4)) - Number(range.from.slice(0, 4))) * 12 + (Number(range.to.slice(5, 7)) - Number(range.from.slice(5, 7))) + 1;
}

/** The last `months` months up to `current`, which included. */
export function lastMonths(months: number, current: string): MonthRange {
  return { from: addMonths(current, -(months - 1)), to: current };
}

/** The range in the address bar, or the default one when it is missing or one the API would refuse. */
export function rangeFromParams(from: string | null, to: string | null, current: string): MonthRange {
  if (!from || !to || !MONTH.test(from) || !MONTH.test(to) || from < MIN_MONTH || from > to || to > current) return lastMonths(DEFAULT_RANGE_MONTHS, current);
  const range = { from, to };
  return monthsIn(range) > MAX_RANGE_MONTHS ? lastMonths(DEFAULT_RANGE_MONTHS, current) : range;
}
