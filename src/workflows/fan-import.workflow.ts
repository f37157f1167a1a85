import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { requireStaff } from '../core/access.ts';
import { inTransaction, type Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { MIN_DAY, MIN_INSTANT } from '../core/bounds.ts';
import { emailField } from '../core/fields.ts';
import { tagField } from '../modules/segments/segments.schemas.ts';
import type { SegmentsService } from '../modules/segments/segments.service.ts';
import type { FansService } from '../modules/fans/fans.service.ts';
import { createStep, createWorkflow } from '../platform/workflows/workflow-definition.ts';
import type { WorkflowRunner } from '../platform/workflows/workflows.service.ts';
import type { ImportErrorCode, ImportErrorParams, ImportReport } from './fan-import.schemas.ts';

/**
 * Rows per write transaction. On the embedded engine a statement holds the main thread, so a batch
 * is kept to a few tens of milliseconds: requests get their turn between batches.
 */
const BATCH = 250;
const MAX_REPORTED_ERRORS = 1000;
/** The file is fed to the parser in slices of this many characters… */
const SLICE = 64 * 1024;
/** …and the parse hands the event loop back at least this often (ms), so the server keeps answering. */
const YIELD_MS = 10;

/** What the import needs of the activity stream's runner: to hold its consumers while it writes. */
export type StreamHold = { hold(): () => void };

/** Lets waiting I/O (other requests) run before going on. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

function* slices(text: string) {
  for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
}

/** Accepted header spellings → canonical column. */
const HEADERS: Record<string, string> = {
  email: 'email',
  display_name: 'display_name',
  displayname: 'display_name',
  name: 'display_name',
  followed_at: 'followed_at',
  followedat: 'followed_at',
  tags: 'tags',
};

export type { ImportReport } from './fan-import.schemas.ts';

/** Marks a custom issue with the code to report, so codes never depend on the English message. */
const marker = (code: ImportErrorCode) => ({ importCode: code });

/** `read`: how many rows had been read when this one was (for progress). */
type ValidRow = { line: number; read: number; email: string; displayName: string; followedAt: Date | null; tags: string[] };
/** Told how many rows have been read and stored so far; awaited (a background import writes it down). */
export type ImportProgress = (rows: number) => void | Promise<void>;
/** `signal`: stops the import between batches (a server shutting down hands it back to the queue). */
type ImportInput = { csv: string | Readable; onProgress?: ImportProgress; signal?: AbortSignal };
type Parsed = { report: ImportReport; rows: ValidRow[]; onProgress?: ImportProgress; signal?: AbortSignal };

const rowSchema = (now: Date) =>
  z.object({
    email: emailField,
    display_name: z.string().trim().max(80, 'display_name must be at most 80 characters').optional(),
    followed_at: z
      .string()
      .trim()
      .optional()
      .transform((v, c) => {
        if (!v) return null;
        const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
        if (Number.isNaN(d.getTime())) {
          c.addIssue({ code: 'custom', message: 'followed_at must be a date like 2026-01-31 or an ISO date-time', params: marker('invalid_followed_at') });
          return z.NEVER;
        }
        // PostgreSQL has no year 0 (JavaScript does): an early date is refused here, not by the INSERT.
        if (d < MIN_INSTANT) {
          c.addIssue({ code: 'custom', message: `followed_at is before ${MIN_DAY}`, params: marker('followed_at_too_early') });
          return z.NEVER;
        }
        if (d > now) {
          c.addIssue({ code: 'custom', message: 'followed_at is in the future', params: marker('followed_at_in_future') });
          return z.NEVER;
        }
        return d;
      }),
    tags: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/[;|,]/)
          .map((t) => t.trim())
          .filter(Boolean),
      )
      .pipe(z.array(tagField).max(20, 'must have at most 20 tags')),
  });
type RowColumn = keyof ReturnType<typeof rowSchema>['shape'];

/** The code for any other issue on a column; an issue on the tags list itself (not one tag) is `too_many_tags`. */
const COLUMN_CODES = {
  email: 'invalid_email',
  display_name: 'display_name_too_long',
  followed_at: 'invalid_followed_at',
  tags: 'invalid_tag',
} as const satisfies Record<RowColumn, ImportErrorCode>;

/** Code and params of a row's first zod issue, from its path and marker (never from its message). */
function rowError(issue: z.core.$ZodIssue): { code: ImportErrorCode; params: ImportErrorParams } {
  const field = String(issue.path[0] ?? '');
  const params: ImportErrorParams = { field };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') params.max = issue.maximum;
  const marked: ImportErrorCode | undefined = issue.code === 'custom' ? issue.params?.importCode : undefined;
  if (marked) return { code: marked, params };
  if (field === 'tags' && issue.path.length === 1) return { code: 'too_many_tags', params };
  if (field === 'tags' && params.max === undefined && tagField.maxLength !== null) params.max = tagField.maxLength;
  // Every issue path starts at a column of rowSchema, and COLUMN_CODES has one code per column.
  const code: ImportErrorCode | undefined = COLUMN_CODES[field as RowColumn];
  if (!code) throw new Error(`fan import: no rejection code for column "${field}"`);
  return { code, params };
}

/** Rejected rows in line order, the first MAX_REPORTED_ERRORS of them. */
function rejecter(report: ImportReport) {
  return (line: number, email: string | null, code: ImportErrorCode, reason: string, params?: ImportErrorParams) => {
    report.rejected += 1;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, email, code, ...(params ? { params } : {}), reason });
  };
}

/**
 * Step 1: read and check every row; writes nothing, so it has no compensation. A file without an
 * email column fails here, before any fan is written. Cost: the valid rows are held in memory
 * until written (a few hundred bytes each, beside the email index duplicates need anyway).
 */
const parseStep = createStep<ImportInput, Parsed>(
  'parse',
  async (ctx, { csv, onProgress, signal }) => {
    const report: ImportReport = { rows: 0, created: 0, existing: 0, rejected: 0, errors: [] };
    const reject = rejecter(report);
    const schema = rowSchema(ctx.now());
    const seen = new Map<string, number>();
    const rows: ValidRow[] = [];
    let columns: string[] | undefined;

    const parser = parse({
      columns: (header: string[]) => (columns = header.map((h) => HEADERS[h.trim().toLowerCase().replace(/[\s-]/g, '_')] ?? h.trim().toLowerCase())),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
    });
    parser.on('skip', (err: { lines?: number; message: string }) => {
      report.rows += 1;
      reject(err.lines ?? 0, null, 'malformed_csv', `malformed CSV: ${err.message}`);
    });
    (typeof csv === 'string' ? Readable.from(slices(csv)) : csv).pipe(parser);

    // The first line is the header. Checked at the first row, or at the end for a file with no
    // row: a file of one line of data (no header) must be refused, not read as "0 rows".
    let checkedHeader = false;
    let lastYield = performance.now();
    const checkHeader = () => {
      checkedHeader = true;
      if (columns?.includes('email')) return;
      parser.destroy();
      throw new AppError(
        'import.missing_email_column',
        {},
        { details: [{ path: 'csv', issue: 'required', message: columns ? 'has no email column' : 'is empty' }] },
      );
    };
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) checkHeader();
      report.rows += 1;
      if (performance.now() - lastYield > YIELD_MS) {
        await yieldToRequests();
        signal?.throwIfAborted();
        lastYield = performance.now();
      }
      const parsed = schema.safeParse(record);
      const rawEmail = record.email?.trim() || null;
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const { code, params } = rowError(issue);
        const field = params.field ?? '';
        reject(info.lines, rawEmail, code, issue.message.startsWith(field) ? issue.message : `${field} ${issue.message}`, params);
        continue;
      }
      const r = parsed.data;
      const first = seen.get(r.email);
      if (first !== undefined) {
        reject(info.lines, r.email, 'duplicate_row', `duplicate of line ${first}`, { line: first });
        continue;
      }
      seen.set(r.email, info.lines);
      rows.push({
        line: info.lines,
        read: report.rows,
        email: r.email,
        displayName: r.display_name || r.email.split('@')[0]!.slice(0, 80),
        followedAt: r.followed_at,
        tags: r.tags,
      });
    }
    if (!checkedHeader) checkHeader();
    return { report, rows, onProgress, signal };
  },
  undefined,
  { record: (p) => ({ rows: p.report.rows, valid: p.rows.length, rejected: p.report.rejected }) },
);

/**
 * CSV import of fans (email, display_name, followed_at, tags), a workflow of two steps: `parse`
 * checks every row, `write` stores the valid ones. Each row is all or nothing (the fan and its
 * tags): valid rows are written in batches of 250, one transaction each; if a batch fails, its rows
 * are retried one by one so a bad row cannot take good ones down. Re-importing a file changes
 * nothing (idempotent on email; tags are added once).
 */
export function createFanImportWorkflow(deps: { fans: FansService; segments: SegmentsService; workflows: WorkflowRunner; stream?: StreamHold }) {
  const { fans, segments, workflows, stream } = deps;

  /** One transaction: the rows and their tags (tags are not a step of their own: a row is all or nothing). */
  async function write(ctx: Ctx, rows: ValidRow[]) {
    return inTransaction(ctx, async (tx) => {
      const { ids, createdEmails } = await fans.importBatch(tx, rows);
      await segments.addTagsMany(
        tx,
        rows.flatMap((r) => r.tags.map((tag) => ({ fanId: ids.get(r.email)!, tag }))),
      );
      return createdEmails.size;
    });
  }

  /** One batch in one transaction; if it fails, its rows one by one, so a bad row cannot take good ones down. */
  async function writeBatch(ctx: Ctx, batch: ValidRow[], report: ImportReport, reject: ReturnType<typeof rejecter>) {
    try {
      const created = await write(ctx, batch);
      report.created += created;
      report.existing += batch.length - created;
    } catch (err) {
      ctx.log.warn({ err }, 'import batch failed; retrying its rows one by one');
      for (const row of batch) {
        try {
          const created = await write(ctx, [row]);
          report.created += created;
          report.existing += 1 - created;
        } catch (rowErr) {
          reject(row.line, row.email, 'not_stored', `could not be stored: ${(rowErr as Error).message.split('\n')[0]}`);
        }
      }
    }
  }

  /**
   * Step 2: write the valid rows, a batch per transaction, yielding to requests between batches. No compensation, on purpose: each batch commits whole, and the
   * fans it created are real from then on (on their timelines, in analytics, in segments). If the
   * run stops half way, a brand expects the fans already imported to stay and the same file, sent
   * again, to finish the job (it does: rows already there change nothing), not fans to vanish.
   * The step manages its own transactions (one per batch), so it is not `transaction: true`.
   */
  const writeStep = createStep<Parsed, ImportReport>(
    'write',
    async (ctx, { report, rows, onProgress, signal }) => {
      const notStored: ImportReport = { rows: 0, created: 0, existing: 0, rejected: 0, errors: [] };
      const reject = rejecter(notStored);
      // A file of several batches holds the consumers while it writes: they then read its
      // activities in full batches, instead of taking a turn after each batch here.
      const release = rows.length > BATCH ? stream?.hold() : undefined;
      try {
        for (let start = 0; start < rows.length; start += BATCH) {
          signal?.throwIfAborted();
          const batch = rows.slice(start, start + BATCH);
          await writeBatch(ctx, batch, report, reject);
          await onProgress?.(batch.at(-1)!.read);
          await yieldToRequests();
        }
      } finally {
        release?.();
      }
      report.rejected += notStored.rejected;
      report.errors = [...report.errors, ...notStored.errors].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
      await onProgress?.(report.rows);
      return report;
    },
    undefined,
    { record: (r) => ({ rows: r.rows, created: r.created, existing: r.existing, rejected: r.rejected }) },
  );

  const importFans = createWorkflow<ImportInput>('fans.import').then(parseStep).then(writeStep);

  return {
    /** `key`: the Idempotency-Key of the request, recorded on the run. */
    async run(ctx: Ctx, csv: string | Readable, onProgress?: ImportProgress, options: { key?: string | null; signal?: AbortSignal } = {}): Promise<ImportReport> {
      requireStaff(ctx);
      return workflows.run(ctx, importFans, { csv, onProgress, signal: options.signal }, { key: options.key ?? null });
    },
  };
}
export type FanImportWorkflow = ReturnType<typeof createFanImportWorkflow>;
