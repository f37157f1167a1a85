import { Cron } from 'croner';
import type { Container } from '../container.ts';

/** Every hour, at minute 17: housekeeping of what expires or was left behind. */
export const MAINTENANCE_SCHEDULE = '17 * * * *';

/**
 * Deletes idempotency keys past their day and expired sessions, and marks workflow runs left
 * `running` by a stopped process as interrupted. Each is idempotent, so instances running it at
 * the same time do no harm.
 */
export async function runMaintenance(container: Container) {
  const ctx = container.ctx({ kind: 'system' });
  const { idempotency, auth, workflows } = container.services;
  const keys = await idempotency.purgeExpired(ctx);
  await auth.purgeExpired(ctx);
  const abandoned = await workflows.abandonStale(ctx);
  return { expiredKeys: keys, abandonedRuns: abandoned };
}

export function scheduleMaintenance(container: Container): Cron {
  const log = container.ctx().log;
  return new Cron(MAINTENANCE_SCHEDULE, { timezone: 'UTC', protect: true, name: 'maintenance' }, async () => {
    try {
      const done = await runMaintenance(container);
      if (done.expiredKeys || done.abandonedRuns) log.info({ schedule: 'maintenance', ...done }, 'maintenance done');
    } catch (err) {
      log.error({ err, schedule: 'maintenance' }, 'maintenance failed');
    }
  });
}
