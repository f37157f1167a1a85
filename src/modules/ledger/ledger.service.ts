import { Readable } from 'node:stream';
import { z } from 'zod';
import { requireStaff } from '../../core/access.ts';
import { INT8_SAFE_MAX, INT8_SAFE_MIN, int8Field, isWithinInstants } from '../../core/bounds.ts';
import type { Ctx } from '../../core/context.ts';
import { csvWriter } from '../../core/csv.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { firstDay, type Month } from '../../core/months.ts';
import { offsetOf, type Page } from '../../core/pagination.ts';
import type { LedgerRepository } from './ledger.repository.ts';
import { LEDGER_EXPORT_COLUMNS, type LedgerListQuery, type LedgerMonthlyQuery, type LedgerRange, type LedgerTransactionDto } from './ledger.schemas.ts';
import { LEDGER_ACCOUNTS, type LedgerAccount } from './ledger.table.ts';

export { LEDGER_ACCOUNTS, REVENUE_ACCOUNTS, type LedgerAccount } from './ledger.table.ts';

/** Debits positive, credits negative; the entries of one transaction sum to zero per currency. */
export type LedgerEntryInput = { account: LedgerAccount; amountMinor: number; currency: string };
/**
 * `source`: what kind of event, lower snake case (`article_fee`, up to 64 characters); `sourceId`:
 * which one (up to 200 characters); `memo` up to 1,000 characters; `occurredAt` defaults to now.
 */
export type LedgerPost = { source: string; sourceId: string; fanId?: string | null; occurredAt?: Date; memo?: string; entries: LedgerEntryInput[] };

const entrySchema = z.object({
  account: z.enum(LEDGER_ACCOUNTS),
  amountMinor: int8Field(INT8_SAFE_MIN, INT8_SAFE_MAX).refine((v) => v !== 0),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
const headerSchema = z.object({
  source: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  sourceId: z.string().min(1).max(200),
  fanId: z.uuid().nullish(),
  occurredAt: z.date().refine(isWithinInstants).optional(),
  memo: z.string().max(1000).optional(),
});
const EXPORT_BATCH = 1000;

/**
 * Refuses a post the database would refuse at commit, with a code the caller can show: at least
 * two entries, each a known account, a non-zero whole amount within the safe int8 range and a
 * currency code; per currency the amounts sum to zero (summed as bigint: no rounding).
 */
function validate(input: LedgerPost): void {
  const header = headerSchema.safeParse(input);
  if (!header.success) throw new AppError('ledger.invalid_post', { field: String(header.error.issues[0]?.path[0] ?? 'post') });
  if (!Array.isArray(input.entries) || input.entries.length < 2) throw new AppError('ledger.too_few_entries');
  const sums = new Map<string, bigint>();
  input.entries.forEach((e, index) => {
    const parsed = entrySchema.safeParse(e);
    if (!parsed.success) {
      throw new AppError('ledger.invalid_entry', { index }, { message: `Ledger entry ${index} is invalid: ${parsed.error.issues[0]?.path.join('.')}` });
    }
    sums.set(e.currency, (sums.get(e.currency) ?? 0n) + BigInt(e.amountMinor));
  });
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new AppError('ledger.unbalanced', { currency, sumMinor: sum.toString() });
  }
}

/** The double-entry ledger: every movement of money, append-only. */
export function createLedgerService(deps: { repo: LedgerRepository }) {
  const { repo } = deps;

  return {
    /**
     * Records one transaction. Idempotent by (source, sourceId): posting the same pair again
     * writes nothing and returns the first one with created=false (a concurrent post of the same
     * pair waits for the first to commit). Run inside the caller's transaction when it must
     * commit with other state. No access check: only other services post (a fan's payment
     * posts with the fan's context); no route does.
     */
    async post(ctx: Ctx, input: LedgerPost): Promise<{ id: string; created: boolean }> {
      validate(input);
      // One statement: atomic by itself, inside the caller's transaction or not.
      const occurredAt = input.occurredAt ?? ctx.now();
      const id = await repo.insertWithEntries(
        ctx.db,
        { id: newId(), source: input.source, sourceId: input.sourceId, fanId: input.fanId ?? null, memo: input.memo ?? '', occurredAt, createdAt: ctx.now() },
        input.entries,
      );
      if (id) return { id, created: true };
      const existing = await repo.findIdBySource(ctx.db, input.source, input.sourceId);
      if (!existing) throw new Error(`ledger: ${input.source}/${input.sourceId} conflicted but is not there`);
      return { id: existing, created: false };
    },

    /**
     * Records many transactions in one statement, each as `post` would (validated first: one bad
     * post refuses them all). Idempotent by (source, sourceId) the same way; answers in order.
     */
    async postMany(ctx: Ctx, inputs: LedgerPost[]): Promise<{ id: string; created: boolean }[]> {
      inputs.forEach(validate);
      const rows = inputs.map((input) => ({
        row: {
          id: newId(),
          source: input.source,
          sourceId: input.sourceId,
          fanId: input.fanId ?? null,
          memo: input.memo ?? '',
          occurredAt: input.occurredAt ?? ctx.now(),
          createdAt: ctx.now(),
        },
        entries: input.entries,
      }));
      const created = await repo.insertManyWithEntries(ctx.db, rows);
      return Promise.all(
        rows.map(async ({ row }) => {
          if (created.has(row.id)) return { id: row.id, created: true };
          const existing = await repo.findIdBySource(ctx.db, row.source, row.sourceId);
          if (!existing) throw new Error(`ledger: ${row.source}/${row.sourceId} conflicted but is not there`);
          return { id: existing, created: false };
        }),
      );
    },

    /**
     * For a source that posts corrections as new transactions (`<ref>:<n>`): how many it has
     * posted for `ref`, and what they sum to on `account` per currency. Call it inside the
     * transaction that holds the ref's own row locked, so the next `n` is its alone.
     */
    async sourceTotals(ctx: Ctx, q: { source: string; ref: string; account: LedgerAccount }) {
      return repo.sourceTotals(ctx.db, q.source, `${q.ref}:`, q.account);
    },

    /** What every transaction of `source` sums to on `account`, per currency (a module's own money report). Staff only. */
    async sourceSums(ctx: Ctx, q: { source: string; account: LedgerAccount }) {
      requireStaff(ctx);
      return (await repo.sourceTotals(ctx.db, q.source, '', q.account)).sums;
    },

    /** Debits, credits and balance per account and currency over [from, to). Staff only. */
    async balances(ctx: Ctx, q: LedgerRange = {}) {
      requireStaff(ctx);
      return repo.balances(ctx.db, q);
    },

    /** Transactions with their entries, newest first. Staff only. */
    async list(ctx: Ctx, q: LedgerListQuery): Promise<Page<LedgerTransactionDto>> {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, { ...q, limit: q.pageSize, offset: offsetOf(q) });
      const entries = await repo.entriesOf(
        ctx.db,
        rows.map((r) => r.id),
      );
      const items = rows.map((r) => ({
        id: r.id,
        source: r.source,
        sourceId: r.sourceId,
        fanId: r.fanId,
        memo: r.memo,
        occurredAt: r.occurredAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
        entries: entries.filter((e) => e.transactionId === r.id).map((e) => ({ account: e.account, amountMinor: e.amountMinor, currency: e.currency })),
      }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /** Revenue per UTC calendar month (this one and the `months - 1` before it), per revenue account and currency, positive. Staff only. */
    async monthly(ctx: Ctx, q: LedgerMonthlyQuery) {
      requireStaff(ctx);
      const now = ctx.now();
      const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (q.months - 1), 1));
      const rows = await repo.monthly(ctx.db, since);
      return { items: rows.map((r) => ({ month: r.month, account: r.account, currency: r.currency, revenueMinor: 0 - r.amountMinor })) };
    },

    /**
     * Debits and credits per UTC calendar month, account and currency over the months `from` to
     * `to` (both included), from the totals the database keeps as entries are written (exact: the
     * ledger is append-only). Months with nothing posted are absent. Staff only.
     */
    async monthlyTotals(ctx: Ctx, q: { from: Month; to: Month }) {
      requireStaff(ctx);
      return repo.monthlyTotals(ctx.db, firstDay(q.from), firstDay(q.to));
    },

    /**
     * Every entry as CSV (one row per entry, oldest first), streamed in batches of 1,000 by
     * keyset through the project's CSV writer (formulas neutralised). Staff only: checked here,
     * before the stream starts.
     */
    exportCsv(ctx: Ctx, opts: { bom: boolean } = { bom: true }): Readable {
      requireStaff(ctx);
      async function* rows() {
        let after = 0;
        for (;;) {
          const batch = await repo.exportBatch(ctx.db, after, EXPORT_BATCH);
          if (batch.length === 0) return;
          for (const e of batch) {
            yield {
              date: e.occurredAt.toISOString(),
              transaction_id: e.transactionId,
              source: e.source,
              source_id: e.sourceId,
              fan_id: e.fanId ?? '',
              account: e.account,
              debit_minor: e.amountMinor > 0 ? String(e.amountMinor) : '',
              credit_minor: e.amountMinor < 0 ? String(-e.amountMinor) : '',
              currency: e.currency,
              memo: e.memo,
            };
          }
          after = batch[batch.length - 1]!.id;
        }
      }
      return Readable.from(rows()).pipe(csvWriter(LEDGER_EXPORT_COLUMNS, opts));
    },
  };
}
export type LedgerService = ReturnType<typeof createLedgerService>;
