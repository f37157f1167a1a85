import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/engine.ts';

const MIGRATIONS = path.join(import.meta.dirname, 'migrations');
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Data written before a migration survives it: the insights backfill rebuilds the rollups. */
describe('migration 0002: insights backfill from existing activities', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  it('fills first-follow columns and daily counts exactly as live writes would', async () => {
    const db = database.db;
    await db.execute(sql`insert into fans (id, email, display_name) values
      ('00000000-0000-4000-8000-000000000001', 'a@x.co', 'A'), ('00000000-0000-4000-8000-000000000002', 'b@x.co', 'B')`);
    await db.execute(sql`insert into fan_activities (fan_id, kind, source, occurred_at) values
      ('00000000-0000-4000-8000-000000000001', 'followed', 'share:abcd1234', '2026-01-01T10:00:00Z'),
      ('00000000-0000-4000-8000-000000000001', 'unfollowed', 'direct', '2026-01-03T10:00:00Z'),
      ('00000000-0000-4000-8000-000000000001', 'followed', 'direct', '2026-01-04T10:00:00Z'),
      ('00000000-0000-4000-8000-000000000002', 'followed', 'import', '2026-01-01T23:59:59Z'),
      ('00000000-0000-4000-8000-000000000002', 'read', 'direct', '2026-01-02T00:00:00Z')`);
    const file = readFileSync(path.join(MIGRATIONS, '0002_insights.sql'), 'utf8');
    const backfill = file.slice(file.indexOf('-- Backfill')).split('--> statement-breakpoint');
    for (const statement of backfill) await db.execute(sql.raw(statement));

    const fans = rows<{ email: string; first_follow_source: string; first_unfollowed_at: Date | string | null }>(
      await db.execute(sql`select email, first_follow_source, first_unfollowed_at from fans order by email`),
    );
    expect(fans.map((f) => [f.email, f.first_follow_source, f.first_unfollowed_at !== null])).toEqual([
      ['a@x.co', 'share', true],
      ['b@x.co', 'import', false],
    ]);
    const counts = rows<{ day: string; source_type: string; follows: number; unfollows: number }>(
      await db.execute(sql`select day::text as day, source_type, follows, unfollows from daily_follow_counts order by 1, 2`),
    );
    expect(counts.map((c) => `${c.day} ${c.source_type} +${c.follows} -${c.unfollows}`)).toEqual([
      '2026-01-01 import +1 -0',
      '2026-01-01 share +1 -0',
      '2026-01-03 direct +0 -1',
      '2026-01-04 direct +1 -0',
    ]);
  });
});
