import { Cron } from 'croner';
import type { Container } from '../container.ts';
import { AppError } from '../core/errors.ts';

/** Every night at 03:00 UTC: rebuild loyalty signals from the activities and re-level every fan. */
export const LOYALTY_RECOMPUTE_SCHEDULE = '0 3 * * *';

export function scheduleLoyaltyRecompute(container: Container): Cron {
  const log = container.ctx().log;
  return new Cron(LOYALTY_RECOMPUTE_SCHEDULE, { timezone: 'UTC', protect: true, name: 'loyalty-recompute' }, async () => {
    try {
      // Recorded as a job run (staff see it in the console); another instance's run wins.
      await container.services.loyalty.runRecompute(container.ctx({ kind: 'system' }), 'schedule');
    } catch (err) {
      if (err instanceof AppError && err.code === 'job.already_running') log.info({ job: 'loyalty-recompute' }, 'loyalty recompute already running elsewhere');
      else log.error({ err, job: 'loyalty-recompute' }, 'loyalty recompute failed');
    }
  });
}
