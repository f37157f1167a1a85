import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Runs of background jobs (re-level every fan after a rule change, the nightly recompute…):
 * staff see progress and the last result, and a run survives the request that asked for it.
 * At most one queued and one running run per job name (partial unique indexes), so asking
 * twice while a run waits changes nothing, and two instances never run the same job at once.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull(),
    /** Who asked: "staff:<id>", "schedule" or "cli". */
    requestedBy: text('requested_by').notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Moved forward while a run makes progress; a running run whose heartbeat stops is taken as dead. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('job_runs_one_queued')
      .on(t.name)
      .where(sql`${t.status} = 'queued'`),
    uniqueIndex('job_runs_one_running')
      .on(t.name)
      .where(sql`${t.status} = 'running'`),
    index('job_runs_name_created_idx').on(t.name, t.createdAt),
    check('job_runs_status_check', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);
export type JobRun = typeof jobRuns.$inferSelect;
