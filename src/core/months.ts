import { z } from 'zod';

/** A calendar month `YYYY-MM`. Months here are UTC months unless a caller says otherwise. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The first and last month a month field takes (the calendar days of core/bounds.ts). */
export const MIN_MONTH = '1900-01';
export const MAX_MONTH = '9999-12';

/** Whether `value` is a month `YYYY-MM` between MIN_MONTH and MAX_MONTH. */
export const isMonth = (value: unknown): value is Month => typeof value === 'string' && MONTH.test(value) && value >= MIN_MONTH && value <= MAX_MONTH;

/** A calendar month like 2026-01, between MIN_MONTH and MAX_MONTH. */
export const monthField = z
  .string()
  .regex(MONTH, 'must be a month like 2026-01')
  .refine((m) => m >= MIN_MONTH && m <= MAX_MONTH, `must be between ${MIN_MONTH} and ${MAX_MONTH}`);

const parts = (month: Month): [number, number] => {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  return [Number(match[1]), Number(match[2]) - 1];
};

/** The UTC month an instant falls in. */
export const monthOf = (at: Date): Month => at.toISOString().slice(0, 7);

/** `month` moved by `n` months (n may be negative). */
export function addMonths(month: Month, n: number): Month {
  const [year, index] = parts(month);
  return monthOf(new Date(Date.UTC(year, index + n, 1)));
}

/** The first instant of the month, in UTC. */
export function monthStart(month: Month): Date {
  const [year, index] = parts(month);
  return new Date(Date.UTC(year, index, 1));
}

/** The first instant after the month, in UTC (the exclusive end of a range of months). */
export function monthEnd(month: Month): Date {
  const [year, index] = parts(month);
  return new Date(Date.UTC(year, index + 1, 1));
}

/** The first day of the month, `YYYY-MM-01`. */
export const firstDay = (month: Month): string => `${month}-01`;

/** The last day of the month, `YYYY-MM-DD`. */
export function lastDay(month: Month): string {
  const [year, index] = parts(month);
  return `${month}-${String(new Date(Date.UTC(year, index + 1, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** How many months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthsIn(from: Month, to: Month): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) + 1);
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthRange(from: Month, to: Month): Month[] {
  return Array.from({ length: monthsIn(from, to) }, (_, i) => addMonths(from, i));
}
