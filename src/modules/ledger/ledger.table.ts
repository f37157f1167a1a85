import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { fans } from '../fans/fans.table.ts';

/** The ledger's accounts. Revenue accounts hold credits (negative amounts). */
export const LEDGER_ACCOUNTS = ['provider_clearing', 'membership_revenue', 'store_revenue', 'ad_revenue', 'ads_receivable', 'refunds', 'fan_credit'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
/** The accounts the monthly revenue report shows (sign-flipped, so revenue is positive). */
export const REVENUE_ACCOUNTS = ['membership_revenue', 'store_revenue', 'ad_revenue'] as const satisfies readonly LedgerAccount[];

const accountList = sql.raw(LEDGER_ACCOUNTS.map((a) => `'${a}'`).join(', '));

/**
 * One movement of money, append-only (migration 0014 refuses UPDATE and DELETE; a correction is a
 * new transaction). `(source, source_id)` makes posting idempotent. `fan_id` is `on delete
 * restrict`: `set null` would be an UPDATE, which the append-only trigger refuses, and money
 * history must outlive nothing it names, so a fan with ledger history cannot be deleted.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey(),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    fanId: uuid('fan_id').references(() => fans.id, { onDelete: 'restrict' }),
    memo: text('memo').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ledger_transactions_source_uniq').on(t.source, t.sourceId),
    index('ledger_transactions_fan_idx')
      .on(t.fanId, t.occurredAt.desc())
      .where(sql`${t.fanId} is not null`),
    /** The transaction list, newest first. */
    index('ledger_transactions_occurred_idx').on(t.occurredAt.desc(), t.id.desc()),
  ],
);

/**
 * The legs of a transaction: debits positive, credits negative; per currency they sum to zero
 * (checked by the database, migration 0016: at commit for the transaction's own database
 * transaction, at the end of the statement for entries added to a committed one). `occurred_at`
 * is a copy of the transaction's, so reports by account and time read one index of this table
 * alone; ledger_monthly_totals sums them per month.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id, { onDelete: 'restrict' }),
    entryIndex: integer('entry_index').notNull(),
    account: text('account', { enum: LEDGER_ACCOUNTS }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('ledger_entries_position_uniq').on(t.transactionId, t.entryIndex),
    check('ledger_entries_account_check', sql`${t.account} in (${accountList})`),
    check('ledger_entries_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('ledger_entries_amount_check', sql`${t.amountMinor} <> 0`),
    /** Balances and monthly revenue by account and time: index-only over (account, time, currency, amount). */
    index('ledger_entries_account_time_idx').on(t.account, t.occurredAt, t.currency, t.amountMinor),
  ],
);

/**
 * Debits and credits per UTC calendar month, account and currency, kept by a statement-level
 * trigger on ledger_entries in the inserting transaction (migration 0016): the ledger is
 * append-only, so these sums are exact, and a report over months reads a few rows per month
 * instead of every entry. `slot` spreads concurrent writers over a few rows (the backend's pid
 * modulo 8) so two postings in the same month do not queue on one row lock; readers sum the
 * slots. Only that trigger writes here (a guard refuses anything else).
 */
export const ledgerMonthlyTotals = pgTable(
  'ledger_monthly_totals',
  {
    /** The first day of the UTC month. */
    month: date('month', { mode: 'string' }).notNull(),
    account: text('account', { enum: LEDGER_ACCOUNTS }).notNull(),
    currency: text('currency').notNull(),
    slot: smallint('slot').notNull(),
    /** Sum of the positive amounts. */
    debitMinor: bigint('debit_minor', { mode: 'number' }).notNull(),
    /** Sum of the negative amounts, as a positive number. */
    creditMinor: bigint('credit_minor', { mode: 'number' }).notNull(),
    entries: bigint('entries', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.account, t.currency, t.slot] })],
);
