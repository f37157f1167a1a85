import { Cron } from 'croner';
import type { Container } from '../container.ts';

/** Every night at 03:00 UTC: rebuild loyalty signals from the activities and re-level every fan. */
export const LOYALTY_RECOMPUTE_SCHEDULE = '0 3 * * *';

export function scheduleLoyaltyRecompute(container: Container): Cron {
  const log = container.ctx().log;
  return new Cron(LOYALTY_RECOMPUTE_SCHEDULE, { timezone: 'UTC', protect: true, name: 'loyalty-recompute' }, async () => {
    try {
      const result = await container.services.loyalty.recomputeAll(container.ctx({ kind: 'system' }));
      log.info({ job: 'loyalty-recompute', ...result }, 'loyalty recompute finished');
    } catch (err) {
      log.error({ err, job: 'loyalty-recompute' }, 'loyalty recompute failed');
    }
  });
}
