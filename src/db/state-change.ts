import type { SQL } from 'drizzle-orm';

/**
 * A state change written in the same statement as the activity it belongs to (the follow state
 * and its `followed` activity): the owning module gives the statement (an UPDATE … RETURNING of
 * its own table) and how to read a returned row; the timeline wraps it with its INSERT. One
 * statement is atomic by itself: no transaction, no second round trip.
 */
export type StateChange<T> = {
  /** An UPDATE (or INSERT) … RETURNING that returns the changed row, or none when nothing changed. */
  statement: SQL;
  /** A returned row (database column names, driver values) as the module reads it. */
  read(raw: Record<string, unknown>): T;
};
