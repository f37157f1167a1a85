import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * running → succeeded; or, when a step fails: `failed` (no completed step had anything to undo),
 * `compensated` (every completed step with a compensation was undone) or `compensation_failed`
 * (at least one compensation failed: staff must finish the undo by hand; the steps say which).
 */
export const WORKFLOW_RUN_STATUSES = ['running', 'succeeded', 'failed', 'compensated', 'compensation_failed'] as const;
export type WorkflowRunStatus = (typeof WORKFLOW_RUN_STATUSES)[number];

export const WORKFLOW_STEP_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type WorkflowStepStatus = (typeof WORKFLOW_STEP_STATUSES)[number];

/** Set only on a completed step whose run failed later and that has a compensation. */
export const COMPENSATION_STATUSES = ['compensated', 'compensation_failed'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** One run of a workflow (the CSV import, a checkout…), kept so staff can see what happened. */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The Idempotency-Key of the request that started it, if any. */
    idempotencyKey: text('idempotency_key'),
    status: text('status', { enum: WORKFLOW_RUN_STATUSES }).notNull(),
    /** Who started it: "staff:<id>", "fan:<id>" or "system". */
    requestedBy: text('requested_by').notNull(),
    /** Why the failed step failed (its first line). */
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('workflow_runs_started_idx').on(t.startedAt),
    index('workflow_runs_status_started_idx').on(t.status, t.startedAt),
    index('workflow_runs_key_idx')
      .on(t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    check('workflow_runs_status_check', sql`${t.status} in ('running', 'succeeded', 'failed', 'compensated', 'compensation_failed')`),
  ],
);
export type WorkflowRun = typeof workflowRuns.$inferSelect;

/** Each step of a run, in order, with what it returned and, after a failure, how its undo went. */
export const workflowSteps = pgTable(
  'workflow_steps',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => workflowRuns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    stepId: text('step_id').notNull(),
    status: text('status', { enum: WORKFLOW_STEP_STATUSES }).notNull(),
    /** What the step returned (or the summary its `record` option keeps); what an undo by hand needs. */
    output: jsonb('output'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    compensation: text('compensation', { enum: COMPENSATION_STATUSES }),
    compensationError: text('compensation_error'),
    compensatedAt: timestamp('compensated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.position] }),
    check('workflow_steps_status_check', sql`${t.status} in ('running', 'succeeded', 'failed')`),
    check('workflow_steps_compensation_check', sql`${t.compensation} is null or ${t.compensation} in ('compensated', 'compensation_failed')`),
  ],
);
export type WorkflowStep = typeof workflowSteps.$inferSelect;

export const IDEMPOTENCY_STATUSES = ['in_progress', 'completed'] as const;
export type IdempotencyStatus = (typeof IDEMPOTENCY_STATUSES)[number];

/**
 * Idempotency keys: the first answer to a request, replayed to its retries. A key belongs to one
 * caller and one route (scope); `fingerprint` is the SHA-256 of the request, so the same key on
 * another request is refused. An in-progress key is held under a lease its worker renews: a key
 * whose worker died can be taken again once the lease has run out.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The route, e.g. "POST /api/admin/fans/import". */
    scope: text('scope').notNull(),
    /** Who sent it: "staff:<id>", "fan:<id>" or "system"; one caller never sees another's answer. */
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: text('status', { enum: IDEMPOTENCY_STATUSES }).notNull(),
    /** The holder of an in-progress key; finishing requires it, so a taken-over key is never overwritten. */
    claimId: uuid('claim_id').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.caller, t.key] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
    check('idempotency_keys_status_check', sql`${t.status} in ('in_progress', 'completed')`),
    check('idempotency_keys_key_length', sql`char_length(${t.key}) between 1 and 200`),
    check('idempotency_keys_completed_has_response', sql`${t.status} = 'in_progress' or (${t.responseStatus} is not null and ${t.responseBody} is not null)`),
  ],
);
export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
