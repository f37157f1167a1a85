import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { requireStaff } from '../core/access.ts';
import { inTransaction, type Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { emailField } from '../core/fields.ts';
import { tagField } from '../modules/crm/segments.schemas.ts';
import type { SegmentsService } from '../modules/crm/segments.service.ts';
import type { FansService } from '../modules/fans/fans.service.ts';

const BATCH = 500;
const MAX_REPORTED_ERRORS = 1000;

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

export type ImportReport = {
  rows: number;
  created: number;
  existing: number;
  rejected: number;
  errors: { line: number; email: string | null; reason: string }[];
};

type ValidRow = { line: number; email: string; displayName: string; followedAt: Date | null; tags: string[] };

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
          c.addIssue({ code: 'custom', message: 'followed_at must be a date like 2026-01-31 or an ISO date-time' });
          return z.NEVER;
        }
        if (d > now) {
          c.addIssue({ code: 'custom', message: 'followed_at is in the future' });
          return z.NEVER;
        }
        return d;
      }),
    tags: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(/[;|,]/).map((t) => t.trim()).filter(Boolean))
      .pipe(z.array(tagField).max(20, 'at most 20 tags')),
  });

/**
 * CSV import of fans (email, display_name, followed_at, tags). Each row is all or nothing:
 * valid rows are written in batches of 500 in one transaction; if a batch fails, its rows are
 * retried one by one so a bad row cannot take good ones down. Re-importing a file changes
 * nothing (idempotent on email; tags are added once).
 */
export function createFanImportWorkflow(deps: { fans: FansService; segments: SegmentsService }) {
  const { fans, segments } = deps;

  async function write(ctx: Ctx, rows: ValidRow[]) {
    return inTransaction(ctx, async (tx) => {
      const { ids, createdEmails } = await fans.importBatch(tx, rows);
      await segments.addTagsMany(tx, rows.flatMap((r) => r.tags.map((tag) => ({ fanId: ids.get(r.email)!, tag }))));
      return createdEmails.size;
    });
  }

  return {
    async run(ctx: Ctx, csv: string | Readable, onProgress?: (rows: number) => void): Promise<ImportReport> {
      requireStaff(ctx);
      const report: ImportReport = { rows: 0, created: 0, existing: 0, rejected: 0, errors: [] };
      const reject = (line: number, email: string | null, reason: string) => {
        report.rejected += 1;
        if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, email, reason });
      };
      const schema = rowSchema(ctx.now());
      const seen = new Map<string, number>();
      let batch: ValidRow[] = [];

      const flush = async () => {
        if (batch.length === 0) return;
        const rows = batch;
        batch = [];
        try {
          const created = await write(ctx, rows);
          report.created += created;
          report.existing += rows.length - created;
        } catch (err) {
          ctx.log.warn({ err }, 'import batch failed; retrying its rows one by one');
          for (const row of rows) {
            try {
              const created = await write(ctx, [row]);
              report.created += created;
              report.existing += 1 - created;
            } catch (rowErr) {
              reject(row.line, row.email, `could not be stored: ${(rowErr as Error).message.split('\n')[0]}`);
            }
          }
        }
        onProgress?.(report.rows);
      };

      const parser = parse({
        columns: (header: string[]) => header.map((h) => HEADERS[h.trim().toLowerCase().replace(/[\s-]/g, '_')] ?? h.trim().toLowerCase()),
        bom: true,
        info: true,
        skip_empty_lines: true,
        relax_column_count: true,
        skip_records_with_error: true,
      });
      parser.on('skip', (err: { lines?: number; message: string }) => {
        report.rows += 1;
        reject(err.lines ?? 0, null, `malformed CSV: ${err.message}`);
      });
      (typeof csv === 'string' ? Readable.from([csv]) : csv).pipe(parser);

      let checkedHeader = false;
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        if (!checkedHeader) {
          checkedHeader = true;
          if (!('email' in record)) {
            parser.destroy();
            throw new AppError('validation', 'import.missing_email_column', 'The CSV needs a header row with an "email" column', [
              { path: 'csv', message: 'has no email column' },
            ]);
          }
        }
        report.rows += 1;
        const parsed = schema.safeParse(record);
        const rawEmail = record.email?.trim() || null;
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = String(issue.path[0] ?? '');
          reject(info.lines, rawEmail, issue.message.startsWith(field) ? issue.message : `${field} ${issue.message}`);
          continue;
        }
        const r = parsed.data;
        const first = seen.get(r.email);
        if (first !== undefined) {
          reject(info.lines, r.email, `duplicate of line ${first}`);
          continue;
        }
        seen.set(r.email, info.lines);
        batch.push({
          line: info.lines,
          email: r.email,
          displayName: r.display_name || r.email.split('@')[0]!.slice(0, 80),
          followedAt: r.followed_at,
          tags: r.tags,
        });
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      onProgress?.(report.rows);
      return report;
    },
  };
}
export type FanImportWorkflow = ReturnType<typeof createFanImportWorkflow>;
