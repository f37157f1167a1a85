import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, resetDatabase, type TestDatabase } from '../../../test/engine.ts';
import type { Ctx } from '../../core/context.ts';
import { timelineRepository } from './timeline.repository.ts';
import { createTimelineService } from './timeline.service.ts';

/** Repository tier on a real engine: time order even when activities arrive out of order. */
describe('timeline on the database', () => {
  let database: TestDatabase;
  let ctx: Ctx;
  const timeline = createTimelineService(timelineRepository);
  const fanId = '22222222-2222-4222-8222-222222222222';

  beforeAll(async () => {
    database = await openTestDatabase();
    ctx = { actor: { kind: 'system' }, db: database.db, now: () => new Date(), log: pino({ level: 'silent' }) };
  });
  beforeEach(async () => {
    await resetDatabase(database);
    await database.db.execute(sql`insert into fans (id, email, display_name) values (${fanId}, 'x@example.com', 'X')`);
  });
  afterAll(async () => database?.close());

  it('lists by time, newest first, with stable keyset pages across equal times', async () => {
    const at = (iso: string) => new Date(iso);
    // Written out of time order (as an import would), with two activities at the same instant.
    await timeline.record(ctx, { fanId, kind: 'followed', source: 'import', at: at('2025-03-01T00:00:00Z') });
    await timeline.record(ctx, { fanId, kind: 'unfollowed', at: at('2025-05-01T00:00:00Z') });
    await timeline.record(ctx, { fanId, kind: 'followed', at: at('2025-01-01T00:00:00Z') });
    await timeline.record(ctx, { fanId, kind: 'followed', at: at('2025-05-01T00:00:00Z') });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await timeline.listForFan(ctx, fanId, { limit: 1, cursor });
      seen.push(...page.items.map((a) => `${a.occurredAt.slice(0, 10)} ${a.kind}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['2025-05-01 followed', '2025-05-01 unfollowed', '2025-03-01 followed', '2025-01-01 followed']);
  });

  it('deletes a fan together with their activities', async () => {
    await timeline.record(ctx, { fanId, kind: 'followed' });
    await database.db.execute(sql`delete from fans where id = ${fanId}`);
    expect((await timeline.listForFan(ctx, fanId, { limit: 10 })).items).toEqual([]);
  });
});
