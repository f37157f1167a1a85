import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { TEST_BASE_URL, useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';
import { createContainer } from '../../container.ts';

const DAY = 86_400_000;
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('membership expiry on the job queue, across a restart', () => {
  const t = useTestApp();
  const system = () => t.container.ctx({ kind: 'system' });

  it('the job sent at the period end expires the membership once, in the next process; a sweep after it changes nothing', async () => {
    const fan = await signupFan(t.app);
    const { tiers, memberships } = t.container.services;
    const gold = await tiers.create(system(), {
      name: 'Gold',
      description: '',
      rank: 1,
      monthlyPriceMinor: 3_000,
      yearlyPriceMinor: 30_000,
      currency: 'CNY',
      perks: [],
    });
    await memberships.grant(system(), fan.fan.id, { tierId: gold.id, months: 1 });
    // The expiry was asked for, in the transaction that granted the period, for its end.
    const jobs = rows<{ start_after: Date; data: { membershipId: string } }>(
      await t.database.db.execute(sql`select start_after, data from pgboss.job where name = 'membership.expire' and state = 'created'`),
    );
    expect(jobs).toHaveLength(1);
    const membership = (await memberships.ofFan(system(), fan.fan.id)).membership!;
    expect(new Date(jobs[0]!.start_after).toISOString()).toBe(membership.currentPeriodEnd);

    // This process stops before the period ends; the next one starts 32 days later.
    await t.container.queue.stop();
    const later = new Date(Date.now() + 32 * DAY);
    const next = createContainer(t.database, { publicBaseUrl: TEST_BASE_URL, log: pino({ level: 'silent' }), now: () => later });
    try {
      // The database's clock has not moved: make the job due as it would be by then.
      await t.database.db.execute(sql`update pgboss.job set start_after = now() where name = 'membership.expire'`);
      await next.queue.drain(['membership.expire']);
      const ctx = next.ctx({ kind: 'system' });
      expect((await next.services.memberships.ofFan(ctx, fan.fan.id)).membership?.status).toBe('expired');
      // The sweep (and the job again) find nothing left to do: one expiry, one activity.
      expect(await next.services.memberships.expireDue(ctx)).toBe(0);
      await next.queue.drain();
      const expired = rows<{ n: string }>(
        await t.database.db.execute(sql`select count(*)::text as n from fan_activities where fan_id = ${fan.fan.id} and kind = 'membership_expired'`),
      );
      expect(expired[0]!.n).toBe('1');
    } finally {
      await next.queue.stop();
      await next.stream.stop();
    }
  });
});
