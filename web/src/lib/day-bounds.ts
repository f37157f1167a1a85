import type { Dayjs } from 'dayjs';

/** The first and last day the API takes in a date field (src/core/bounds.ts): pickers offer no others. */
export const MIN_DAY = '1900-01-01';
export const MAX_DAY = '9999-12-31';

const FORMAT = 'YYYY-MM-DD';

/** For antd's `disabledDate`: true for a day the API would refuse. */
export function isOutsideDayBounds(day: Dayjs): boolean {
  const value = day.format(FORMAT);
  return value < MIN_DAY || value > MAX_DAY;
}
