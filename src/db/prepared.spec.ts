import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/engine.ts';
import { inTransaction } from '../core/context.ts';
import { executePrepared } from './prepared.ts';

const rows = <T>(r: { rows: unknown[] }) => r.rows as T[];

describe('executePrepared: hot statements as named prepared statements', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table prepared_probe (id int primary key, label text not null)`);
  });
  afterAll(async () => database?.close());

  it('answers like db.execute, with new values every call, for several statements taking turns on the pool', async () => {
    const { db } = database;
    const insert = (id: number, label: string) => executePrepared(db, sql`insert into prepared_probe (id, label) values (${id}, ${label}) returning id, label`);
    const read = (id: number) => executePrepared(db, sql`select label from prepared_probe where id = ${id}`);
    // More calls than the pool has connections, and than PostgreSQL's custom plans before a generic one.
    const written = await Promise.all(Array.from({ length: 40 }, (_, i) => insert(i, `fan ${i} 粉丝`)));
    expect(written.map((r) => rows<{ id: number; label: string }>(r)[0])).toEqual(Array.from({ length: 40 }, (_, i) => ({ id: i, label: `fan ${i} 粉丝` })));
    for (const id of [3, 39, 0, 17]) expect(rows<{ label: string }>(await read(id))).toEqual([{ label: `fan ${id} 粉丝` }]);
    expect(rows(await read(1_000))).toEqual([]);
  });

  it('runs inside a transaction on its connection, and rolls back with it', async () => {
    const ctx = { db: database.db } as Parameters<typeof inTransaction>[0];
    await expect(
      inTransaction(ctx, async (tx) => {
        await executePrepared(tx.db, sql`insert into prepared_probe (id, label) values (${500}, ${'kept?'})`);
        expect(rows(await executePrepared(tx.db, sql`select label from prepared_probe where id = ${500}`))).toEqual([{ label: 'kept?' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(rows(await executePrepared(database.db, sql`select label from prepared_probe where id = ${500}`))).toEqual([]);
  });

  it('a failing statement fails the call with the database error, and the next call works', async () => {
    const { db } = database;
    await expect(executePrepared(db, sql`insert into prepared_probe (id, label) values (${1}, ${'duplicate'})`)).rejects.toThrow();
    expect(rows(await executePrepared(db, sql`select label from prepared_probe where id = ${1}`))).toEqual([{ label: 'fan 1 粉丝' }]);
  });
});
