import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import type { LedgerPost } from './ledger.service.ts';

const MIGRATION = path.join(import.meta.dirname, '../../db/migrations/0019_ledger_monthly_totals.sql');
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

const post = (
  sourceId: string,
  occurredAt: string,
  amountMinor: number,
  currency = 'CNY',
  revenue: LedgerPost['entries'][number]['account'] = 'membership_revenue',
): LedgerPost => ({
  source: 'test_sale',
  sourceId,
  occurredAt: new Date(occurredAt),
  entries: [
    { account: 'provider_clearing', amountMinor, currency },
    { account: revenue, amountMinor: -amountMinor, currency },
  ],
});

/** The ledger's monthly totals (migration 0017): kept by the database as entries are written, always equal to the entries' sums. */
describe('ledger: monthly totals', () => {
  const t = useTestApp();
  const system = () => t.container.ctx({ kind: 'system' });
  const staff = () => t.container.ctx({ kind: 'staff', staffId: '00000000-0000-4000-8000-0000000000aa', role: 'owner' });
  const ledger = () => t.container.services.ledger;
  /** The same figures computed from every entry, as the trigger should have them. */
  const fromEntries = async () =>
    rows<{ month: string; account: string; currency: string; debitMinor: number; creditMinor: number }>(
      await t.database.db.execute(sql`select to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month, account, currency,
        coalesce(sum(amount_minor) filter (where amount_minor > 0), 0)::float8 as "debitMinor",
        coalesce(-sum(amount_minor) filter (where amount_minor < 0), 0)::float8 as "creditMinor"
        from ledger_entries group by 1, 2, 3 order by 1, 2, 3`),
    );
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: { message: string; cause?: { message?: string } }) => e.cause?.message ?? e.message,
    );

  it('sums every posting by UTC month, account and currency, including concurrent ones, and not those rolled back', async () => {
    await ledger().post(system(), post('a', '2026-10-31T23:59:59.999Z', 1_000));
    await ledger().post(system(), post('b', '2026-11-01T00:00:00Z', 250));
    await ledger().post(system(), post('c', '2026-11-15T08:00:00+08:00', 99, 'USD', 'store_revenue'));
    await Promise.all(Array.from({ length: 12 }, (_, i) => ledger().post(system(), post(`many-${i}`, '2026-11-20T00:00:00Z', 10 + i))));
    await expect(
      t.database.db.transaction(async (tx) => {
        await ledger().post({ ...system(), db: tx as never }, post('rolled-back', '2026-11-21T00:00:00Z', 5_000));
        throw new Error('the payment could not be saved');
      }),
    ).rejects.toThrow('could not be saved');

    const totals = await ledger().monthlyTotals(staff(), { from: '2026-10', to: '2026-11' });
    expect(totals).toEqual(await fromEntries());
    const many = Array.from({ length: 12 }, (_, i) => 10 + i).reduce((a, b) => a + b, 0);
    expect(totals).toEqual([
      { month: '2026-10', account: 'membership_revenue', currency: 'CNY', debitMinor: 0, creditMinor: 1_000 },
      { month: '2026-10', account: 'provider_clearing', currency: 'CNY', debitMinor: 1_000, creditMinor: 0 },
      { month: '2026-11', account: 'membership_revenue', currency: 'CNY', debitMinor: 0, creditMinor: 250 + many },
      { month: '2026-11', account: 'provider_clearing', currency: 'CNY', debitMinor: 250 + many, creditMinor: 0 },
      { month: '2026-11', account: 'provider_clearing', currency: 'USD', debitMinor: 99, creditMinor: 0 },
      { month: '2026-11', account: 'store_revenue', currency: 'USD', debitMinor: 0, creditMinor: 99 },
    ]);
    // Months outside the range are left out; months with nothing posted are absent.
    expect((await ledger().monthlyTotals(staff(), { from: '2026-11', to: '2027-01' })).map((r) => r.month)).toEqual(['2026-11', '2026-11', '2026-11', '2026-11']);
    expect(await ledger().monthlyTotals(staff(), { from: '2027-01', to: '2027-03' })).toEqual([]);
  });

  it('counts a bulk load written in a few statements, and entries added later to a committed transaction', async () => {
    const db = t.database.db;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into ledger_transactions (id, source, source_id, occurred_at)
        select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bulk', g::text, timestamptz '2026-01-01T00:00:00Z' + g * interval '1 day' from generate_series(1, 400) g`);
      await tx.execute(sql`insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at)
        select t.id, e.idx, e.account, e.sign * 100, 'CNY', t.occurred_at from ledger_transactions t
        cross join (values (0, 'ads_receivable', 1), (1, 'ad_revenue', -1)) e(idx, account, sign) where t.source = 'bulk'`);
    });
    // A balanced pair added to a committed transaction, in one statement: accepted, and counted.
    await db.execute(sql`insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at) values
      ('00000000-0000-4000-8000-000000000001', 2, 'refunds', 7, 'CNY', '2026-01-02T00:00:00Z'),
      ('00000000-0000-4000-8000-000000000001', 3, 'provider_clearing', -7, 'CNY', '2026-01-02T00:00:00Z')`);
    const totals = await ledger().monthlyTotals(staff(), { from: '2026-01', to: '2027-12' });
    expect(totals).toEqual(await fromEntries());
    expect(totals.filter((r) => r.account === 'ad_revenue').reduce((n, r) => n + r.creditMinor, 0)).toBe(400 * 100);
    expect(totals.find((r) => r.account === 'refunds')).toEqual({ month: '2026-01', account: 'refunds', currency: 'CNY', debitMinor: 7, creditMinor: 0 });
  });

  it('checks a transaction written inside a savepoint at the end of its entries statement, and still at commit', async () => {
    const db = t.database.db;
    const id = '00000000-0000-4000-8000-0000000000b1';
    const header = sql.raw(`insert into ledger_transactions (id, source, source_id, occurred_at) values ('${id}', 'raw', 'sp', now())`);
    const entries = (credit: number) =>
      sql.raw(`insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at)
        values ('${id}', 0, 'provider_clearing', 100, 'CNY', now()), ('${id}', 1, 'store_revenue', ${credit}, 'CNY', now())`);
    const inSavepoint = (credit: number) =>
      db.transaction(async (tx) =>
        tx.transaction(async (sp) => {
          await sp.execute(header);
          await sp.execute(entries(credit));
        }),
      );
    expect(await refusal(inSavepoint(-90))).toMatch(/unbalanced \(CNY 10\)/);
    expect(await refusal(inSavepoint(-100))).toBe('accepted');
    expect(await ledger().monthlyTotals(staff(), { from: '1900-01', to: '9999-12' })).toEqual(await fromEntries());
  });

  it('refuses any hand-written change to the totals', async () => {
    await ledger().post(system(), post('a', '2026-10-01T00:00:00Z', 1_000));
    const db = t.database.db;
    for (const statement of [
      "insert into ledger_monthly_totals values ('2026-10-01', 'ad_revenue', 'CNY', 0, 0, 5, 1)",
      'update ledger_monthly_totals set credit_minor = credit_minor * 2',
      'delete from ledger_monthly_totals',
    ]) {
      expect(await refusal(db.execute(sql.raw(statement))), statement).toMatch(/kept by the ledger/);
    }
    expect(await ledger().monthlyTotals(staff(), { from: '2026-10', to: '2026-10' })).toEqual(await fromEntries());
  });

  it("the migration's backfill computes the same totals from the entries as the trigger keeps", async () => {
    await ledger().post(system(), post('a', '2026-10-31T23:59:59Z', 1_000));
    await ledger().post(system(), post('b', '2026-12-01T00:00:00Z', 30, 'USD', 'ad_revenue'));
    const file = readFileSync(MIGRATION, 'utf8');
    const insert = file.slice(file.indexOf('INSERT INTO ledger_monthly_totals (month'));
    const select = insert.slice(insert.indexOf('SELECT'), insert.indexOf(';--> statement-breakpoint'));
    const backfilled = rows<{ month: string; account: string; currency: string; debit_minor: string; credit_minor: string; entries: string }>(
      await t.database.db.execute(
        sql.raw(
          `select to_char(month, 'YYYY-MM') as month, account, currency, debit_minor::text, credit_minor::text from (${select}) b(month, account, currency, slot, debit_minor, credit_minor, entries) order by 1, 2, 3`,
        ),
      ),
    );
    const kept = await ledger().monthlyTotals(staff(), { from: '2026-01', to: '2026-12' });
    expect(
      backfilled.map((r) => ({
        month: r.month,
        account: r.account,
        currency: r.currency,
        debitMinor: Number(r.debit_minor),
        creditMinor: Number(r.credit_minor),
      })),
    ).toEqual(kept);
  });

  it('is for staff only', async () => {
    await expect(
      ledger().monthlyTotals(t.container.ctx({ kind: 'fan', fanId: '00000000-0000-4000-8000-0000000000cc' }), { from: '2026-01', to: '2026-12' }),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});
