import { z } from 'zod';

/**
 * What every date and number the API accepts must fit, so that the database can store it and
 * compute with it: a value PostgreSQL refuses (year 0, an int4 overflow) is a 400 naming the
 * field, never a 500 after half a write.
 */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
/** int8 columns are read as JavaScript numbers: bounded to the integers a double holds exactly. */
export const INT8_SAFE_MAX = Number.MAX_SAFE_INTEGER;
export const INT8_SAFE_MIN = Number.MIN_SAFE_INTEGER;

/**
 * The first and last calendar day a date field takes. PostgreSQL has no year 0 and JavaScript
 * dates end in year 275760; nothing a channel counts happened before 1900.
 */
export const MIN_DAY = '1900-01-01';
export const MAX_DAY = '9999-12-31';
/** The first instant of MIN_DAY and the last of MAX_DAY, in UTC. */
export const MIN_INSTANT = new Date(`${MIN_DAY}T00:00:00.000Z`);
export const MAX_INSTANT = new Date(`${MAX_DAY}T23:59:59.999Z`);

export const isWithinDays = (day: string): boolean => day >= MIN_DAY && day <= MAX_DAY;
export const isWithinInstants = (at: Date): boolean => at.getTime() >= MIN_INSTANT.getTime() && at.getTime() <= MAX_INSTANT.getTime();

/** A calendar day `YYYY-MM-DD` (a real one: no 2026-02-30) between MIN_DAY and MAX_DAY. */
export const dayField = z.iso.date('must be a date like 2026-01-31').refine(isWithinDays, `must be between ${MIN_DAY} and ${MAX_DAY}`);

function checkedRange(min: number, max: number, lowest: number, highest: number, column: string) {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max || min < lowest || max > highest) {
    throw new Error(`bounds: ${min}..${max} does not fit an ${column} column`);
  }
}

const WHOLE = 'must be a whole number';

/** A whole number in min..max, which must fit an int4 column (checked when the schema is built). */
export function int4Field(min: number, max: number, notWhole = WHOLE) {
  checkedRange(min, max, INT4_MIN, INT4_MAX, 'int4');
  return z.number().int(notWhole).min(min).max(max);
}

/** A whole number in min..max for an int8 column read as a JavaScript number. */
export function int8Field(min: number, max: number, notWhole = WHOLE) {
  checkedRange(min, max, INT8_SAFE_MIN, INT8_SAFE_MAX, 'int8');
  return z.number().int(notWhole).min(min).max(max);
}

/** int4Field for a query string parameter (`?page=2`): the text is read as a number first. */
export const int4Query = (min: number, max: number) => z.coerce.number('must be a number').pipe(int4Field(min, max));
