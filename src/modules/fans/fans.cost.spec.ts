import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';
import { inTransaction } from '../../core/context.ts';

/**
 * The statements a follow and an import batch send, counted, so the cost comments in
 * fans.service.ts cannot drift. Derived figures are the stream consumers' work, after commit.
 */
describe('cost of the write paths', () => {
  let log: string[] = [];
  let counting = false;
  const t = useTestApp({}, { logger: { logQuery: (q) => void (counting && log.push(q.trim().split(/\s+/).slice(0, 3).join(' '))) } });
  async function count(fn: () => Promise<unknown>) {
    await t.settle();
    await t.container.stream.stop(); // the consumers' batches are not the caller's statements
    log = [];
    counting = true;
    try {
      await fn();
    } finally {
      counting = false;
    }
    return log;
  }

  it("a follow or an unfollow is one statement (its UPDATE and INSERT together, an unfollow's attribution inside it)", async () => {
    const { fan, cookie } = await signupFan(t.app);
    const ctx = t.container.ctx({ kind: 'fan', fanId: fan.id });
    await t.container.services.channel.settings(ctx); // cached, as on a running server
    // One statement, no transaction: the UPDATE and the activity's INSERT together.
    const follow = await count(() => t.container.services.fans.follow(ctx));
    expect(follow).toEqual(['with changed as']);
    const unfollow = await count(() => t.container.services.fans.unfollow(ctx));
    expect(unfollow).toEqual(['with changed as']);
    // Once more: nothing changes (no activity), the statement and the read of the fan.
    expect(await count(() => t.container.services.fans.unfollow(ctx))).toEqual(['with changed as', 'select "id", "email",']);
    const activities = await t.app.inject({ method: 'GET', url: '/api/fan/activities', headers: { cookie } });
    expect(activities.json().items.map((a: { kind: string }) => a.kind)).toEqual(['unfollowed', 'followed']);
  });

  it('an import batch is two statements when every fan is new, three when some were there, whatever its size', async () => {
    const staff = t.container.ctx({ kind: 'system' });
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ email: `fan${from + i}@example.com`, displayName: `Fan ${from + i}`, followedAt: new Date('2026-01-02T03:04:05Z') }));
    for (const n of [1, 500]) {
      const batch = await count(() => inTransaction(staff, (tx) => t.container.services.fans.importBatch(tx, rows(n, n * 1000))));
      expect(batch.filter((q) => !/^(begin|commit)/i.test(q))).toEqual(['insert into fans', 'insert into fan_activities']);
      // The same rows again, plus one new: the fans already there are looked up once.
      const again = await count(() => inTransaction(staff, (tx) => t.container.services.fans.importBatch(tx, rows(n + 1, n * 1000))));
      expect(again.filter((q) => !/^(begin|commit)/i.test(q))).toEqual(['insert into fans', 'insert into fan_activities', 'select "id", "email"']);
    }
  });
});
