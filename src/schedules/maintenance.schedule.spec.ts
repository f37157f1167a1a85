import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { createOwner } from '../../test/factories.ts';
import { newId } from '../core/ids.ts';
import { MAINTENANCE_JOB } from './maintenance.schedule.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('hourly maintenance', () => {
  const t = useTestApp();

  it('runs at minute 17 of every hour (UTC) for the whole cluster: marks runs left running by a stopped process as interrupted, keeps running ones, and purges expired keys', async () => {
    const owner = await createOwner(t.app);
    const { queue } = t.container;
    await queue.start();
    try {
      const { db } = t.database;
      const stored = rowsOf<{ cron: string; timezone: string }>(await db.execute(sql`select cron, timezone from pgboss.schedule where name = ${MAINTENANCE_JOB}`));
      expect(stored).toEqual([{ cron: '17 * * * *', timezone: 'UTC' }]);
      const [old, recent] = [newId(), newId()];
      // A run a process began seven hours ago and never finished (it was killed), one begun a minute ago.
      await db.execute(sql`insert into workflow_runs (id, name, status, requested_by, started_at) values
        (${old}, 'fans.import', 'running', 'system', now() - interval '7 hours'), (${recent}, 'fans.import', 'running', 'system', now() - interval '1 minute')`);
      await db.execute(sql`insert into workflow_steps (run_id, position, step_id, status, started_at) values
        (${old}, 0, 'parse', 'succeeded', now() - interval '7 hours'), (${old}, 1, 'write', 'running', now() - interval '7 hours')`);
      await db.execute(sql`insert into idempotency_keys (scope, caller, key, fingerprint, status, claim_id, response_status, response_body, created_at, expires_at)
        values ('POST /x', 'system', 'gone', 'f', 'completed', ${newId()}, 200, '{}'::jsonb, now() - interval '2 days', now() - interval '1 day'),
               ('POST /x', 'system', 'kept', 'f', 'completed', ${newId()}, 200, '{}'::jsonb, now(), now() + interval '1 day')`);

      // What the schedule sends at minute 17.
      await queue.send(t.container.ctx({ kind: 'system' }), MAINTENANCE_JOB, {});
      await queue.drain();

      const runs = await t.app.inject({ method: 'GET', url: '/api/admin/workflow-runs?name=fans.import', headers: { cookie: owner.cookie } });
      const byId = new Map(runs.json().items.map((r: { id: string }) => [r.id, r]));
      expect(byId.get(old)).toMatchObject({ status: 'failed', error: 'interrupted: the process running it stopped before it finished' });
      expect((byId.get(old) as { steps: { stepId: string; status: string }[] }).steps.map((s) => [s.stepId, s.status])).toEqual([
        ['parse', 'succeeded'],
        ['write', 'failed'],
      ]);
      expect(byId.get(recent)).toMatchObject({ status: 'running' });
      expect(rowsOf<{ key: string }>(await db.execute(sql`select key from idempotency_keys order by key`)).map((r) => r.key)).toEqual(['kept']);
    } finally {
      await queue.stop();
    }
  });
});
