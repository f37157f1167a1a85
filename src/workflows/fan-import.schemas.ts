import { z } from 'zod';
import { isoDate } from '../core/fields.ts';

/**
 * Why a row was rejected: a stable code for clients to translate (the console does), with `params`
 * for the values in that text. `reason` stays plain English for the CLI and API clients.
 */
export const IMPORT_ERROR_CODES = [
  'invalid_email',
  'display_name_too_long',
  'invalid_followed_at',
  'followed_at_in_future',
  'followed_at_too_early',
  'invalid_tag',
  'too_many_tags',
  'duplicate_row',
  'malformed_csv',
  'not_stored',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** What a CSV import did: rows read, fans created, already there, rejected (the first 1,000 listed). */
export const importReportDto = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  existing: z.number().int(),
  rejected: z.number().int(),
  errors: z
    .array(
      z.object({
        line: z.number().int(),
        email: z.string().nullable(),
        code: z.enum(IMPORT_ERROR_CODES).describe('Why the row was rejected: stable, for clients to translate'),
        params: z
          .object({
            field: z.string().optional().describe('The column at fault'),
            max: z.number().int().optional().describe('The limit exceeded: characters, or tags per row'),
            line: z.number().int().optional().describe('For a duplicate: the line it repeats'),
          })
          .optional()
          .describe('Values for the translated text'),
        reason: z.string().describe('The same in English, for people reading the raw report'),
      }),
    )
    .describe('Rejected rows, the first 1,000'),
});
export type ImportReport = z.infer<typeof importReportDto>;
export type ImportError = ImportReport['errors'][number];
/** `field` (the column), `max` (a length or count limit), `line` (the first line of a duplicate). */
export type ImportErrorParams = NonNullable<ImportError['params']>;

export const FAN_IMPORT_STATE = ['queued', 'running', 'succeeded', 'failed'] as const;

/** A CSV import run in the background (files larger than the inline limit): progress, then its report. */
export const fanImportDto = z.object({
  id: z.uuid(),
  status: z.enum(FAN_IMPORT_STATE).describe('queued → running → succeeded, or failed (the file was refused as a whole)'),
  sizeBytes: z.number().int(),
  rowsTotal: z.number().int().describe('Data lines in the file'),
  rowsDone: z.number().int().describe('Rows read and stored so far'),
  report: importReportDto.nullable().describe('Once succeeded: the same report a small file gets at once'),
  error: z.object({ code: z.string(), message: z.string() }).nullable().describe('Once failed: why the file was refused'),
  createdAt: isoDate,
  startedAt: isoDate.nullable(),
  finishedAt: isoDate.nullable(),
});
export type FanImportDto = z.infer<typeof fanImportDto>;
