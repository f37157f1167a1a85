import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { signupFan } from '../../test/factories.ts';
import { RECOMPUTE_JOB } from '../modules/loyalty/loyalty.service.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('nightly loyalty recompute job', () => {
  const t = useTestApp();

  it('is scheduled at 03:00 UTC for the whole cluster, and settles signals written out of order, as a run for the schedule', async () => {
    const { queue } = t.container;
    await queue.start();
    try {
      const [stored] = rowsOf<{ cron: string; timezone: string; data: object }>(
        await t.database.db.execute(sql`select cron, timezone, data from pgboss.schedule where name = ${RECOMPUTE_JOB}`),
      );
      expect(stored).toEqual({ cron: '0 3 * * *', timezone: 'UTC', data: { requestedBy: 'schedule' } });
      const { fan } = await signupFan(t.app);
      // Three reads on three days recorded newest first (as an import of history would).
      for (const [i, day] of ['2026-02-03', '2026-02-02', '2026-02-01'].entries()) {
        await t.container.database.db.execute(
          sql`insert into fan_activities (fan_id, kind, source, data, occurred_at) values (${fan.id}, 'read', 'direct', ${JSON.stringify({ first: true, n: i })}::jsonb, ${`${day}T10:00:00Z`}::timestamptz)`,
        );
      }
      // What the schedule sends at 03:00.
      const system = t.container.ctx({ kind: 'system' });
      await queue.send(system, RECOMPUTE_JOB, stored!.data);
      await queue.drain();
      await t.settle();
      const e = await t.container.services.loyalty.explain(system, fan.id);
      expect(e.signals).toMatchObject({ unique_reads: 3, days_active: 3 });
      expect((await t.container.services.loyalty.jobs(system)).recompute).toMatchObject({ status: 'succeeded', requestedBy: 'schedule', result: { fans: 1 } });
    } finally {
      await queue.stop();
    }
  });
});
