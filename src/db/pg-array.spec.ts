import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/engine.ts';
import { pgArray } from './pg-array.ts';

describe('pgArray: one array parameter per column for unnest', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  it('round-trips any text (quotes, backslashes, braces, commas, NULL the word, empty, Chinese) and nulls', async () => {
    const texts = ['plain', 'a "quoted" key', 'back\\slash\\', '{braces},commas', 'NULL', '', '粉丝节 🎉', null];
    const got = (await database.db.execute(sql`select t from unnest(${pgArray(texts)}::text[]) with ordinality as u(t, n) order by n`)) as unknown as {
      rows: { t: string | null }[];
    };
    expect(got.rows.map((r) => r.t)).toEqual(texts);
  });

  it('carries numbers, timestamps and JSON through their casts', async () => {
    const at = new Date('2026-11-11T12:00:00.123Z');
    const got = (await database.db.execute(
      sql`select n::text, at, j from unnest(${pgArray([1, 9_007_199_254_740_991])}::bigint[], ${pgArray([at.toISOString(), at.toISOString()])}::timestamptz[],
        ${pgArray([JSON.stringify({ url: 'https://x.test/a"b', alt: 'Tee' }), null])}::jsonb[]) as u(n, at, j)`,
    )) as unknown as { rows: { n: string; at: Date | string; j: unknown }[] };
    expect(got.rows.map((r) => r.n)).toEqual(['1', '9007199254740991']);
    expect(new Date(got.rows[0]!.at).toISOString()).toBe(at.toISOString());
    expect(got.rows.map((r) => r.j)).toEqual([{ url: 'https://x.test/a"b', alt: 'Tee' }, null]);
  });
});
