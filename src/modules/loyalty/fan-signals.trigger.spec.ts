import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';
import { inTransaction } from '../../core/context.ts';

/**
 * fan_signals carries a copy of each fan's follow state, kept by the triggers on `fans`
 * (migrations 0004 and 0010: one INSERT per statement for new fans, per row for follow changes), so a segment count reads one narrow table. It stays a trigger, not a stream
 * consumer: a fan who signs up and never follows has no activity, yet must be counted as
 * `never_followed` at once. This spec holds the copy to the source on every path that writes it.
 */
describe('fan_signals follow-state copy (trigger on fans)', () => {
  const t = useTestApp();
  const copyOf = async (fanId: string) =>
    (
      (await t.database.db
        .execute(sql`select s.follow_status, s.first_followed_at = f.first_followed_at or (s.first_followed_at is null and f.first_followed_at is null) as same_first
        from fan_signals s join fans f on f.id = s.fan_id where s.fan_id = ${fanId}`)) as unknown as { rows: { follow_status: string; same_first: boolean }[] }
    ).rows[0];

  it('follows sign-up, follow, unfollow and import, in the same transaction', async () => {
    const { fan } = await signupFan(t.app);
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'never_followed', same_first: true });
    const ctx = t.container.ctx({ kind: 'fan', fanId: fan.id });
    await t.container.services.fans.follow(ctx);
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'following', same_first: true });
    await t.container.services.fans.unfollow(ctx);
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'unfollowed', same_first: true });
    const { ids } = await inTransaction(t.container.ctx({ kind: 'system' }), (tx) =>
      t.container.services.fans.importBatch(tx, [{ email: 'imported@example.com', displayName: 'Imported', followedAt: new Date('2026-01-01T00:00:00Z') }]),
    );
    expect(await copyOf(ids.get('imported@example.com')!)).toEqual({ follow_status: 'following', same_first: true });
  });
});
