import { z } from 'zod';
import { isoDate } from '../../core/fields.ts';
import { JOB_STATUSES, type JobRun } from './jobs.table.ts';

/** One background job run as staff see it: state, progress, and the outcome once finished. */
export const jobRunDto = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  requestedBy: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: isoDate,
  startedAt: isoDate.nullable(),
  finishedAt: isoDate.nullable(),
});
export type JobRunDto = z.infer<typeof jobRunDto>;

export const toJobRunDto = (r: JobRun): JobRunDto => ({
  id: r.id,
  name: r.name,
  status: r.status,
  requestedBy: r.requestedBy,
  done: r.done,
  total: r.total,
  result: r.result ?? null,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});
