import { and, asc, count, desc, eq, exists, gt, gte, inArray, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ledgerEntries, ledgerMonthlyTotals, ledgerTransactions, REVENUE_ACCOUNTS, type LedgerAccount } from './ledger.table.ts';

export type LedgerTransactionRow = typeof ledgerTransactions.$inferSelect;
export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
type Range = { from?: Date; to?: Date };

const entryRange = (r: Range): SQL[] => [...(r.from ? [gte(ledgerEntries.occurredAt, r.from)] : []), ...(r.to ? [lt(ledgerEntries.occurredAt, r.to)] : [])];
const sumOf = (value: SQL) => sql<number>`coalesce(sum(${value}), 0)`.mapWith(Number);

export const ledgerRepository = {
  /**
   * A transaction and its entries in one statement (one round trip; the balance trigger runs once,
   * at its end). The new transaction's id, or undefined when (source, source_id) is already there.
   */
  async insertWithEntries(
    db: Db,
    row: typeof ledgerTransactions.$inferInsert & { occurredAt: Date },
    entries: { account: LedgerAccount; amountMinor: number; currency: string }[],
  ): Promise<string | undefined> {
    const json = JSON.stringify(entries.map((e, i) => ({ i, account: e.account, amount: e.amountMinor, currency: e.currency })));
    const result = await db.execute(sql`
      with t as (
        insert into ledger_transactions (id, source, source_id, fan_id, memo, occurred_at, created_at)
        values (${row.id}, ${row.source}, ${row.sourceId}, ${row.fanId ?? null}, ${row.memo ?? ''}, ${row.occurredAt.toISOString()}, ${(row.createdAt ?? new Date()).toISOString()})
        on conflict do nothing
        returning id, occurred_at
      ), e as (
        insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at)
        select t.id, v.i, v.account, v.amount, v.currency, t.occurred_at
        from t cross join jsonb_to_recordset(${json}::jsonb) as v(i int, account text, amount bigint, currency text)
        returning 1
      )
      select (select id from t) as id, (select count(*) from e) as entries`);
    const [created] = (result as unknown as { rows: { id: string | null }[] }).rows;
    return created?.id ?? undefined;
  },
  /**
   * Many transactions and their entries in one statement (a batch of payment notifications): the
   * balance and monthly-totals triggers run once for all of them, the totals' rows locked in key
   * order. The ids of the transactions created; one whose (source, source_id) is already there is
   * skipped.
   */
  async insertManyWithEntries(
    db: Db,
    rows: { row: typeof ledgerTransactions.$inferInsert & { occurredAt: Date }; entries: { account: LedgerAccount; amountMinor: number; currency: string }[] }[],
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const json = JSON.stringify(
      rows.map(({ row, entries }) => ({
        id: row.id,
        source: row.source,
        source_id: row.sourceId,
        fan_id: row.fanId ?? null,
        memo: row.memo ?? '',
        occurred_at: row.occurredAt.toISOString(),
        created_at: (row.createdAt ?? new Date()).toISOString(),
        entries: entries.map((e, i) => ({ i, account: e.account, amount: e.amountMinor, currency: e.currency })),
      })),
    );
    const result = await db.execute(sql`
      with v as (
        select * from jsonb_to_recordset(${json}::jsonb)
          as v(id uuid, source text, source_id text, fan_id uuid, memo text, occurred_at timestamptz, created_at timestamptz, entries jsonb)
      ), t as (
        insert into ledger_transactions (id, source, source_id, fan_id, memo, occurred_at, created_at)
        select id, source, source_id, fan_id, memo, occurred_at, created_at from v
        on conflict do nothing
        returning id, occurred_at
      ), e as (
        insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at)
        select t.id, x.i, x.account, x.amount, x.currency, t.occurred_at
        from t join v on v.id = t.id cross join jsonb_to_recordset(v.entries) as x(i int, account text, amount bigint, currency text)
        returning 1
      )
      select t.id, (select count(*) from e) as entries from t`);
    return new Set((result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
  },
  async findIdBySource(db: Db, source: string, sourceId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.source, source), eq(ledgerTransactions.sourceId, sourceId)))
      .limit(1);
    return row?.id;
  },
  /** Debits and credits per account and currency (index-only over ledger_entries_account_time_idx). */
  async balances(db: Db, r: Range) {
    return db
      .select({
        account: ledgerEntries.account,
        currency: ledgerEntries.currency,
        debitMinor: sumOf(sql`case when ${ledgerEntries.amountMinor} > 0 then ${ledgerEntries.amountMinor} end`),
        creditMinor: sumOf(sql`case when ${ledgerEntries.amountMinor} < 0 then -${ledgerEntries.amountMinor} end`),
        balanceMinor: sumOf(sql`${ledgerEntries.amountMinor}`),
      })
      .from(ledgerEntries)
      .where(and(...entryRange(r)))
      .groupBy(ledgerEntries.account, ledgerEntries.currency)
      .orderBy(ledgerEntries.account, ledgerEntries.currency);
  },
  /** Transactions newest first; with `account`, those with an entry on it. */
  async list(db: Db, f: Range & { account?: LedgerAccount; limit: number; offset: number }): Promise<{ rows: LedgerTransactionRow[]; total: number }> {
    const conds: SQL[] = [];
    if (f.from) conds.push(gte(ledgerTransactions.occurredAt, f.from));
    if (f.to) conds.push(lt(ledgerTransactions.occurredAt, f.to));
    if (f.account) {
      const account = f.account;
      conds.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(ledgerEntries)
            .where(and(eq(ledgerEntries.transactionId, ledgerTransactions.id), eq(ledgerEntries.account, account))),
        ),
      );
    }
    const where = conds.length ? and(...conds) : undefined;
    const [rows, [total]] = await Promise.all([
      db.select().from(ledgerTransactions).where(where).orderBy(desc(ledgerTransactions.occurredAt), desc(ledgerTransactions.id)).limit(f.limit).offset(f.offset),
      db.select({ n: count() }).from(ledgerTransactions).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  async entriesOf(db: Db, transactionIds: string[]): Promise<LedgerEntryRow[]> {
    if (transactionIds.length === 0) return [];
    return db
      .select()
      .from(ledgerEntries)
      .where(inArray(ledgerEntries.transactionId, transactionIds))
      .orderBy(asc(ledgerEntries.transactionId), asc(ledgerEntries.entryIndex));
  },
  /**
   * Revenue per UTC month, account and currency since `since`: one range scan per revenue
   * account over ledger_entries_account_time_idx (index-only: it holds currency and amount), so
   * the cost follows the months asked for, not the ledger's size.
   */
  async monthly(db: Db, since: Date) {
    const month = sql<string>`to_char(date_trunc('month', ${ledgerEntries.occurredAt} at time zone 'UTC'), 'YYYY-MM')`;
    return db
      .select({ month, account: ledgerEntries.account, currency: ledgerEntries.currency, amountMinor: sumOf(sql`${ledgerEntries.amountMinor}`) })
      .from(ledgerEntries)
      .where(and(inArray(ledgerEntries.account, [...REVENUE_ACCOUNTS]), gte(ledgerEntries.occurredAt, since)))
      .groupBy(month, ledgerEntries.account, ledgerEntries.currency)
      .orderBy(month, ledgerEntries.account, ledgerEntries.currency);
  },
  /**
   * Debits and credits per UTC month, account and currency over the months fromDay to toDay
   * (their first days, both included): a primary-key range scan of ledger_monthly_totals, at most a few
   * rows per month, account and currency (one per slot) whatever the ledger's size.
   */
  async monthlyTotals(db: Db, fromDay: string, toDay: string) {
    const month = sql<string>`to_char(${ledgerMonthlyTotals.month}, 'YYYY-MM')`;
    return db
      .select({
        month,
        account: ledgerMonthlyTotals.account,
        currency: ledgerMonthlyTotals.currency,
        debitMinor: sumOf(sql`${ledgerMonthlyTotals.debitMinor}`),
        creditMinor: sumOf(sql`${ledgerMonthlyTotals.creditMinor}`),
      })
      .from(ledgerMonthlyTotals)
      .where(and(gte(ledgerMonthlyTotals.month, fromDay), lte(ledgerMonthlyTotals.month, toDay)))
      .groupBy(ledgerMonthlyTotals.month, ledgerMonthlyTotals.account, ledgerMonthlyTotals.currency)
      .orderBy(ledgerMonthlyTotals.month, ledgerMonthlyTotals.account, ledgerMonthlyTotals.currency);
  },
  /** Entries with their transaction, by entry id after `afterId` (keyset, for the export). */
  async exportBatch(db: Db, afterId: number, limit: number) {
    return db
      .select({
        id: ledgerEntries.id,
        occurredAt: ledgerEntries.occurredAt,
        transactionId: ledgerEntries.transactionId,
        source: ledgerTransactions.source,
        sourceId: ledgerTransactions.sourceId,
        fanId: ledgerTransactions.fanId,
        account: ledgerEntries.account,
        amountMinor: ledgerEntries.amountMinor,
        currency: ledgerEntries.currency,
        memo: ledgerTransactions.memo,
      })
      .from(ledgerEntries)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .where(gt(ledgerEntries.id, afterId))
      .orderBy(asc(ledgerEntries.id))
      .limit(limit);
  },
  /** The transactions of one source whose source id starts with `prefix`: how many, and one account's sum per currency. */
  async sourceTotals(db: Db, source: string, prefix: string, account: LedgerAccount) {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const matching = and(eq(ledgerTransactions.source, source), like(ledgerTransactions.sourceId, pattern));
    const [[n], sums] = await Promise.all([
      db.select({ n: count() }).from(ledgerTransactions).where(matching),
      db
        .select({ currency: ledgerEntries.currency, amountMinor: sumOf(sql`${ledgerEntries.amountMinor}`) })
        .from(ledgerEntries)
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(and(matching, eq(ledgerEntries.account, account)))
        .groupBy(ledgerEntries.currency)
        .orderBy(ledgerEntries.currency),
    ]);
    return { transactions: n?.n ?? 0, sums };
  },
};
export type LedgerRepository = typeof ledgerRepository;
