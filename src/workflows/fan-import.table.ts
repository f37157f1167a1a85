import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ImportReport } from './fan-import.schemas.ts';

export const FAN_IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type FanImportStatus = (typeof FAN_IMPORT_STATUSES)[number];

/**
 * CSV imports too large to answer within the request: the upload is kept here until its import
 * has run (by whichever instance claims it), with progress while it runs and the report after.
 * A run whose process died is taken up again from the file (re-importing changes nothing that
 * was already imported), so an accepted upload is never lost.
 */
export const fanImports = pgTable(
  'fan_imports',
  {
    id: uuid('id').primaryKey(),
    status: text('status', { enum: FAN_IMPORT_STATUSES }).notNull(),
    /** Who asked: "staff:<id>" or "system". */
    requestedBy: text('requested_by').notNull(),
    /** The Idempotency-Key of the upload, if any. */
    idempotencyKey: text('idempotency_key'),
    /** The file as uploaded; emptied once the import has finished. */
    csv: text('csv'),
    sizeBytes: integer('size_bytes').notNull(),
    /** Data lines in the file (its line count less the header), known at upload. */
    rowsTotal: integer('rows_total').notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    report: jsonb('report').$type<ImportReport>(),
    /** A file refused as a whole (no email column…): its error code and message. */
    errorCode: text('error_code'),
    error: text('error'),
    /** How many times a run was started (a second start means the first one's process died). */
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('fan_imports_created_idx').on(t.createdAt),
    index('fan_imports_open_idx')
      .on(t.status, t.createdAt)
      .where(sql`${t.status} in ('queued', 'running')`),
    check('fan_imports_status_check', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);
export type FanImportRow = typeof fanImports.$inferSelect;
