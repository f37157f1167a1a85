import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { signupFan } from '../../test/factories.ts';
import { scheduleLoyaltyRecompute } from './loyalty-recompute.schedule.ts';

describe('nightly loyalty recompute job', () => {
  const t = useTestApp();

  it('runs at 03:00 UTC and settles signals written out of order', async () => {
    const job = scheduleLoyaltyRecompute(t.container);
    try {
      expect(job.nextRun(new Date('2026-02-01T05:00:00Z'))?.toISOString()).toBe('2026-02-02T03:00:00.000Z');
      const { fan } = await signupFan(t.app);
      // Three reads on three days recorded newest first (as an import of history would).
      for (const [i, day] of ['2026-02-03', '2026-02-02', '2026-02-01'].entries()) {
        await t.container.database.db.execute(
          sql`insert into fan_activities (fan_id, kind, source, data, occurred_at) values (${fan.id}, 'read', 'direct', ${JSON.stringify({ first: true, n: i })}::jsonb, ${`${day}T10:00:00Z`}::timestamptz)`,
        );
      }
      await job.trigger();
      await t.settle();
      const e = await t.container.services.loyalty.explain(t.container.ctx({ kind: 'system' }), fan.id);
      expect(e.signals).toMatchObject({ unique_reads: 3, days_active: 3 });
    } finally {
      job.stop();
    }
  });
});
