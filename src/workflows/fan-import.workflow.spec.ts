import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../core/context.ts';
import type { Db } from '../db/client.ts';
import type { SegmentsService } from '../modules/segments/segments.service.ts';
import type { FansService } from '../modules/fans/fans.service.ts';
import { workflowsRepository, type WorkflowsRepository } from '../platform/workflows/workflows.repository.ts';
import { createWorkflowRunner } from '../platform/workflows/workflows.service.ts';
import { createFanImportWorkflow } from './fan-import.workflow.ts';

const NOW = new Date('2026-03-01T00:00:00.000Z');

/** The run records go nowhere here: this tier tests the import; the runner's spec tests the records. */
const noRecords = Object.fromEntries(Object.keys(workflowsRepository).map((name) => [name, async () => undefined])) as unknown as WorkflowsRepository;

/** Workflow tier: fake services, no database. The transaction is a pass-through. */
function setup(failFor: string) {
  const db = { transaction: (fn: (tx: unknown) => unknown) => fn(db) } as unknown as Db;
  const importBatch = vi.fn(async (_ctx: Ctx, rows: { email: string }[]) => {
    if (rows.some((r) => r.email === failFor)) throw new Error('invalid byte sequence for encoding "UTF8": 0x00\nDETAIL: more');
    return { ids: new Map(rows.map((r, i) => [r.email, `id-${i}`])), createdEmails: new Set(rows.map((r) => r.email)) };
  });
  const workflow = createFanImportWorkflow({
    fans: { importBatch } as unknown as FansService,
    segments: { addTagsMany: vi.fn(async () => undefined) } as unknown as SegmentsService,
    workflows: createWorkflowRunner({ repo: noRecords }),
  });
  const ctx: Ctx = { actor: { kind: 'system' }, db, now: () => NOW, log: pino({ level: 'silent' }) };
  return { workflow, ctx, importBatch };
}

describe('fan import workflow', () => {
  it('retries a failed batch row by row and reports the row the database refused as not_stored', async () => {
    const { workflow, ctx, importBatch } = setup('bad@example.com');
    const report = await workflow.run(ctx, 'email\nok1@example.com\nbad@example.com\nok2@example.com\n');
    expect(report).toMatchObject({ rows: 3, created: 2, existing: 0, rejected: 1 });
    expect(report.errors).toEqual([
      { line: 3, email: 'bad@example.com', code: 'not_stored', reason: 'could not be stored: invalid byte sequence for encoding "UTF8": 0x00' },
    ]);
    // One batch of three, then each row alone.
    expect(importBatch).toHaveBeenCalledTimes(4);
  });

  it('lists rejected rows in line order, rows the database refused among those that failed their checks', async () => {
    const { workflow, ctx } = setup('bad@example.com');
    const report = await workflow.run(ctx, 'email\nok@example.com\nbad@example.com\nnot-an-email\n');
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'not_stored'],
      [4, 'invalid_email'],
    ]);
    expect(report).toMatchObject({ rows: 3, created: 1, rejected: 2 });
  });

  it('refuses a file whose first line names no email column even when no row follows it, and reads a header alone as no rows', async () => {
    const { workflow, ctx } = setup('');
    // One line of data without a header: its line is the header, and it has no email column.
    await expect(workflow.run(ctx, 'ann@example.com,Ann\n')).rejects.toMatchObject({ code: 'import.missing_email_column' });
    await expect(workflow.run(ctx, 'display_name\n')).rejects.toMatchObject({ code: 'import.missing_email_column' });
    expect(await workflow.run(ctx, 'email,display_name\n')).toMatchObject({ rows: 0, created: 0, rejected: 0 });
  });

  it('reports progress as rows are written, ending at every row read', async () => {
    const { workflow, ctx } = setup('');
    const seen: number[] = [];
    const csv = `email\n${Array.from({ length: 1001 }, (_, i) => `f${i}@example.com`).join('\n')}\nnope\n`;
    await workflow.run(ctx, csv, (rows) => void seen.push(rows));
    expect(seen).toEqual([250, 500, 750, 1000, 1001, 1002]);
  });

  it('codes rows with the column names the header used, whatever their spelling', async () => {
    const { workflow, ctx } = setup('');
    const report = await workflow.run(ctx, 'Email,Name,Followed At\nx,,\nok@example.com,,2026-03-02\n');
    expect(report.errors.map((e) => [e.line, e.code, e.params])).toEqual([
      [2, 'invalid_email', { field: 'email' }],
      [3, 'followed_at_in_future', { field: 'followed_at' }],
    ]);
  });
});
