import { z } from 'zod';
import { isoDate } from '../../core/fields.ts';
import { pageQuery } from '../../core/pagination.ts';
import { COMPENSATION_STATUSES, WORKFLOW_RUN_STATUSES, WORKFLOW_STEP_STATUSES, type WorkflowRun, type WorkflowStep } from './workflows.table.ts';

export const workflowStepDto = z.object({
  position: z.number().int(),
  stepId: z.string(),
  status: z.enum(WORKFLOW_STEP_STATUSES),
  output: z.unknown().describe('What the step returned (or its recorded summary)'),
  error: z.string().nullable(),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  compensation: z.enum(COMPENSATION_STATUSES).nullable().describe('Set when a later step failed and this step has an undo: whether the undo worked'),
  compensationError: z.string().nullable(),
  compensatedAt: isoDate.nullable(),
});
export type WorkflowStepDto = z.infer<typeof workflowStepDto>;

/** One run of a workflow with its steps, as staff see it. */
export const workflowRunDto = z.object({
  id: z.uuid(),
  name: z.string(),
  idempotencyKey: z.string().nullable(),
  status: z.enum(WORKFLOW_RUN_STATUSES).describe('compensation_failed: a step failed and an undo failed too; the steps say which one needs a hand'),
  requestedBy: z.string(),
  error: z.string().nullable().describe('The failed step and why it failed'),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  steps: z.array(workflowStepDto),
});
export type WorkflowRunDto = z.infer<typeof workflowRunDto>;

export const workflowRunQuery = pageQuery.extend({
  status: z.enum(WORKFLOW_RUN_STATUSES).optional(),
  name: z.string().trim().min(1).max(63).optional(),
});

export const toWorkflowStepDto = (s: WorkflowStep): WorkflowStepDto => ({
  position: s.position,
  stepId: s.stepId,
  status: s.status,
  output: s.output ?? null,
  error: s.error,
  startedAt: s.startedAt.toISOString(),
  finishedAt: s.finishedAt?.toISOString() ?? null,
  compensation: s.compensation,
  compensationError: s.compensationError,
  compensatedAt: s.compensatedAt?.toISOString() ?? null,
});

export const toWorkflowRunDto = (r: WorkflowRun, steps: WorkflowStep[]): WorkflowRunDto => ({
  id: r.id,
  name: r.name,
  idempotencyKey: r.idempotencyKey,
  status: r.status,
  requestedBy: r.requestedBy,
  error: r.error,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  steps: steps.map(toWorkflowStepDto),
});
