import { z } from 'zod';
import { int4Query, isWithinInstants, MAX_INSTANT, MIN_INSTANT } from '../../core/bounds.ts';
import { pageOf, pageQuery } from '../../core/pagination.ts';
import { LEDGER_ACCOUNTS } from './ledger.table.ts';

/** A query-string instant (ISO 8601 with an offset), bounded like every date the API takes. */
const instantQuery = z.iso
  .datetime({ offset: true, message: 'must be a date-time like 2026-01-31T00:00:00Z' })
  .transform((v) => new Date(v))
  .refine(isWithinInstants, `must be between ${MIN_INSTANT.toISOString()} and ${MAX_INSTANT.toISOString()}`);

const rangeRefine = <T extends { from?: Date | undefined; to?: Date | undefined }>(q: T) => !q.from || !q.to || q.from <= q.to;
const rangeIssue = { path: ['to'], message: 'must not be before from', params: { issue: 'before_start' } };

/** `from` inclusive, `to` exclusive. */
export const ledgerRangeQuery = z.object({ from: instantQuery.optional(), to: instantQuery.optional() }).refine(rangeRefine, rangeIssue);
export type LedgerRange = z.infer<typeof ledgerRangeQuery>;

export const ledgerListQuery = pageQuery
  .extend({ account: z.enum(LEDGER_ACCOUNTS).optional(), from: instantQuery.optional(), to: instantQuery.optional() })
  .refine(rangeRefine, rangeIssue);
export type LedgerListQuery = z.infer<typeof ledgerListQuery>;

export const ledgerMonthlyQuery = z.object({ months: int4Query(1, 120).default(12) });
export type LedgerMonthlyQuery = z.infer<typeof ledgerMonthlyQuery>;

const account = z.enum(LEDGER_ACCOUNTS);

export const ledgerBalanceDto = z.object({
  account,
  currency: z.string(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  /** Debits minus credits. */
  balanceMinor: z.number().int(),
});
export const ledgerBalancesDto = z.object({ items: z.array(ledgerBalanceDto) });

export const ledgerTransactionDto = z.object({
  id: z.uuid(),
  source: z.string(),
  sourceId: z.string(),
  fanId: z.uuid().nullable(),
  memo: z.string(),
  occurredAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  entries: z.array(z.object({ account, amountMinor: z.number().int(), currency: z.string() })),
});
export type LedgerTransactionDto = z.infer<typeof ledgerTransactionDto>;
export const ledgerTransactionPageDto = pageOf(ledgerTransactionDto);

export const ledgerMonthlyDto = z.object({
  /** Calendar months in UTC, oldest first. */
  items: z.array(z.object({ month: z.string(), account, currency: z.string(), revenueMinor: z.number().int() })),
});

export const LEDGER_EXPORT_COLUMNS = ['date', 'transaction_id', 'source', 'source_id', 'fan_id', 'account', 'debit_minor', 'credit_minor', 'currency', 'memo'];
