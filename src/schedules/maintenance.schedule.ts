import type { Ctx } from '../core/context.ts';
import type { Services } from '../container.ts';

/** Every hour, at minute 17 (UTC): housekeeping of what expires or was left behind. */
export const MAINTENANCE_SCHEDULE = '17 * * * *';
export const MAINTENANCE_JOB = 'maintenance.hourly';

/**
 * Deletes idempotency keys past their day and expired sessions, and marks workflow runs left
 * `running` by a stopped process as interrupted. Each is idempotent: a second run (a retry)
 * does no harm.
 */
export async function runMaintenance(ctx: Ctx, services: Pick<Services, 'idempotency' | 'auth' | 'workflows'>) {
  const { idempotency, auth, workflows } = services;
  const keys = await idempotency.purgeExpired(ctx);
  await auth.purgeExpired(ctx);
  const abandoned = await workflows.abandonStale(ctx);
  const done = { expiredKeys: keys, abandonedRuns: abandoned };
  if (done.expiredKeys || done.abandonedRuns) ctx.log.info({ job: MAINTENANCE_JOB, ...done }, 'maintenance done');
  return done;
}
