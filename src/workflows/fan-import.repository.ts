import { and, desc, eq, getTableColumns, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { ImportReport } from './fan-import.schemas.ts';
import { fanImports, type FanImportRow } from './fan-import.table.ts';
import { rowsOf } from '../db/rows.ts';

/** Every column but the file itself: listing imports never reads megabytes of CSV. */
const { csv: _file, ...summaryColumns } = getTableColumns(fanImports);
export type FanImportSummary = Omit<FanImportRow, 'csv'>;

export const fanImportRepository = {
  async insert(db: Db, row: { id: string; requestedBy: string; idempotencyKey: string | null; csv: string; sizeBytes: number; rowsTotal: number; at: Date }) {
    const [inserted] = await db
      .insert(fanImports)
      .values({ ...row, status: 'queued', createdAt: row.at })
      .returning(summaryColumns);
    return inserted!;
  },

  /** Takes the oldest queued import (another instance never gets the same one) and returns it with its file. */
  async claim(db: Db, at: Date): Promise<FanImportRow | undefined> {
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`
        update fan_imports set status = 'running', attempts = attempts + 1,
          started_at = ${at.toISOString()}::timestamptz, heartbeat_at = ${at.toISOString()}::timestamptz
        where id = (select id from fan_imports where status = 'queued' order by created_at, id limit 1 for update skip locked)
        returning id`),
    );
    if (rows.length === 0) return undefined;
    const [row] = await db.select().from(fanImports).where(eq(fanImports.id, rows[0]!.id));
    return row;
  },

  async progress(db: Db, id: string, rowsDone: number, at: Date) {
    await db
      .update(fanImports)
      .set({ rowsDone, heartbeatAt: at })
      .where(and(eq(fanImports.id, id), eq(fanImports.status, 'running')));
  },

  async succeed(db: Db, id: string, report: ImportReport, at: Date) {
    await db
      .update(fanImports)
      .set({ status: 'succeeded', report, rowsDone: report.rows, csv: null, finishedAt: at, heartbeatAt: at })
      .where(and(eq(fanImports.id, id), eq(fanImports.status, 'running')));
  },

  async fail(db: Db, id: string, failure: { code: string; message: string }, at: Date) {
    await db
      .update(fanImports)
      .set({ status: 'failed', errorCode: failure.code, error: failure.message, csv: null, finishedAt: at, heartbeatAt: at })
      .where(and(eq(fanImports.id, id), eq(fanImports.status, 'running')));
  },

  /** Running imports whose heartbeat stopped before `staleBefore` (their process died) go back to the queue. */
  async requeueStale(db: Db, staleBefore: Date, alive: string[]): Promise<number> {
    const rows = await db
      .update(fanImports)
      .set({ status: 'queued' })
      .where(and(eq(fanImports.status, 'running'), lt(fanImports.heartbeatAt, staleBefore), alive.length ? notInArray(fanImports.id, alive) : undefined))
      .returning({ id: fanImports.id });
    return rows.length;
  },

  /** Imports a process that is shutting down was running go back to the queue, for the next one. */
  async requeue(db: Db, ids: string[]) {
    if (ids.length === 0) return;
    await db
      .update(fanImports)
      .set({ status: 'queued' })
      .where(and(inArray(fanImports.id, ids), eq(fanImports.status, 'running')));
  },

  async find(db: Db, id: string): Promise<FanImportSummary | undefined> {
    const [row] = await db.select(summaryColumns).from(fanImports).where(eq(fanImports.id, id));
    return row;
  },

  async recent(db: Db, limit: number): Promise<FanImportSummary[]> {
    return db.select(summaryColumns).from(fanImports).orderBy(desc(fanImports.createdAt), desc(fanImports.id)).limit(limit);
  },
};
export type FanImportRepository = typeof fanImportRepository;
