import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';
import { inTransaction } from '../../core/context.ts';

/**
 * fan_signals carries a copy of each fan's follow state, so a segment count reads one narrow
 * table. A new fan's row, with the state the fan was created with, comes from the statement-level
 * trigger on `fans` (migration 0010): a fan who signs up and never follows has no activity, yet is
 * counted as `never_followed` at once. Follows and unfollows reach the copy through the loyalty
 * consumer, after commit (migration 0012 dropped the per-row trigger that ran inside every follow).
 * This spec holds the copy to its source on every path that writes it, and a rebuild to the same.
 */
describe('fan_signals follow-state copy', () => {
  const t = useTestApp();
  const copyOf = async (fanId: string) =>
    (
      (await t.database.db
        .execute(sql`select s.follow_status, s.first_followed_at = f.first_followed_at or (s.first_followed_at is null and f.first_followed_at is null) as same_first
        from fan_signals s join fans f on f.id = s.fan_id where s.fan_id = ${fanId}`)) as unknown as { rows: { follow_status: string; same_first: boolean }[] }
    ).rows[0];
  const allCopies = async () =>
    (
      (await t.database.db.execute(sql`select fan_id, follow_status, first_followed_at from fan_signals order by fan_id`)) as unknown as {
        rows: unknown[];
      }
    ).rows;

  it('follows sign-up at once, then follow, unfollow and import once the consumer has run', async () => {
    const { fan } = await signupFan(t.app);
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'never_followed', same_first: true });
    const ctx = t.container.ctx({ kind: 'fan', fanId: fan.id });
    await t.container.services.fans.follow(ctx);
    await t.settle();
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'following', same_first: true });
    await t.container.services.fans.unfollow(ctx);
    await t.settle();
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'unfollowed', same_first: true });
    // Following again keeps the first follow's time.
    await t.container.services.fans.follow(t.container.ctx({ kind: 'fan', fanId: fan.id }, { now: () => new Date(Date.now() + 60_000) }));
    await t.settle();
    expect(await copyOf(fan.id)).toEqual({ follow_status: 'following', same_first: true });
    const { ids } = await inTransaction(t.container.ctx({ kind: 'system' }), (tx) =>
      t.container.services.fans.importBatch(tx, [{ email: 'imported@example.com', displayName: 'Imported', followedAt: new Date('2026-01-01T00:00:00Z') }]),
    );
    expect(await copyOf(ids.get('imported@example.com')!)).toEqual({ follow_status: 'following', same_first: true });
    await t.settle();
    expect(await copyOf(ids.get('imported@example.com')!)).toEqual({ follow_status: 'following', same_first: true });
  });

  it('a follow and an unfollow in one batch leave the last one; a rebuild reaches the same copy', async () => {
    const fans = await Promise.all([signupFan(t.app), signupFan(t.app), signupFan(t.app)]);
    await t.settle();
    await t.container.stream.stop(); // the next activities land in one batch
    const [a, b, c] = fans.map(({ fan }) => t.container.ctx({ kind: 'fan', fanId: fan.id }));
    await t.container.services.fans.follow(a!);
    await t.container.services.fans.unfollow(a!);
    await t.container.services.fans.follow(b!);
    await t.container.services.fans.unfollow(c!); // not following: changes nothing
    await t.settle();
    expect(await copyOf(fans[0]!.fan.id)).toEqual({ follow_status: 'unfollowed', same_first: true });
    expect(await copyOf(fans[1]!.fan.id)).toEqual({ follow_status: 'following', same_first: true });
    expect(await copyOf(fans[2]!.fan.id)).toEqual({ follow_status: 'never_followed', same_first: true });
    const incremental = await allCopies();
    // The rebuild recomputes the copy from the activities alone.
    await t.database.db.execute(sql`update fan_signals set follow_status = 'never_followed', first_followed_at = null`);
    await t.container.services.loyalty.recomputeAll(t.container.ctx({ kind: 'system' }));
    expect(await allCopies()).toEqual(incremental);
  });
});
