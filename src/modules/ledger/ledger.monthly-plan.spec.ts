import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';

/**
 * The monthly revenue report stays fast over a large ledger: its statement is a range scan of
 * ledger_entries_account_time_idx (account, occurred_at, currency, amount_minor) over the months
 * asked for, never a scan of every entry. Checked on the plan of the statement the service sends.
 */
describe('ledger: the monthly report reads an index range', () => {
  const statements: { query: string; params: unknown[] }[] = [];
  const t = useTestApp({}, { logger: { logQuery: (query, params) => void statements.push({ query, params }) } });

  it('plans the monthly statement on ledger_entries_account_time_idx, not a sequential scan', async () => {
    const db = t.database.db;
    // 6,000 sales spread over two years, as one transaction (the ledger's triggers check it at commit).
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into ledger_transactions (id, source, source_id, occurred_at)
        select gen_random_uuid(), 'bulk', i::text, timestamptz '2025-01-01T00:00:00Z' + (i * interval '175 minutes') from generate_series(1, 6000) i`);
      await tx.execute(sql`insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at)
        select t.id, e.idx, e.account, e.sign * 100, 'CNY', t.occurred_at from ledger_transactions t
        cross join (values (0, 'provider_clearing', 1), (1, 'membership_revenue', -1)) e(idx, account, sign)`);
    });
    await db.execute(sql`vacuum analyze ledger_entries`);

    const ctx = t.container.ctx({ kind: 'system' }, { now: () => new Date('2026-12-15T00:00:00Z') });
    statements.length = 0;
    const report = await t.container.services.ledger.monthly(ctx, { months: 2 });
    expect(report.items.map((r) => r.month)).toEqual(['2026-11', '2026-12']);
    expect(report.items.every((r) => r.revenueMinor > 0)).toBe(true);

    const monthly = statements.find((s) => /date_trunc\('month'/.test(s.query))!;
    const literal = (v: unknown) => `'${(v instanceof Date ? v.toISOString() : String(v)).replace(/'/g, "''")}'`;
    const inlined = monthly.query.replace(/\$(\d+)/g, (_m, n: string) => literal(monthly.params[Number(n) - 1]));
    const res = await db.execute(sql.raw(`explain ${inlined}`));
    const plan = (res as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('ledger_entries_account_time_idx');
    expect(plan).not.toMatch(/Seq Scan on "?ledger_entries"?/);
  });
});
