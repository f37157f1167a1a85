import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';
import { inTransaction } from '../../core/context.ts';
import type { LedgerPost } from './ledger.service.ts';

const sale = (sourceId: string, amountMinor = 1000, over: Partial<LedgerPost> = {}): LedgerPost => ({
  source: 'test_sale',
  sourceId,
  memo: 'A membership',
  entries: [
    { account: 'provider_clearing', amountMinor, currency: 'CNY' },
    { account: 'membership_revenue', amountMinor: -amountMinor, currency: 'CNY' },
  ],
  ...over,
});

describe('ledger: posting, and what the database refuses', () => {
  const t = useTestApp();
  const system = () => t.container.ctx({ kind: 'system' });
  const ledger = () => t.container.services.ledger;
  const count = async (table: 'ledger_transactions' | 'ledger_entries') => {
    const res = await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };
  /** The database's own message, under the ORM's "Failed query" wrapper. */
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: { message: string; cause?: { message?: string } }) => e.cause?.message ?? e.message,
    );
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'posted',
      (e: { code?: string }) => e.code,
    );

  it('stores a balanced post and lists it with its entries', async () => {
    const { fan } = await signupFan(t.app);
    const posted = await ledger().post(system(), sale('order-1', 1500, { fanId: fan.id, occurredAt: new Date('2026-11-03T10:00:00Z') }));
    expect(posted.created).toBe(true);
    const page = await ledger().list(system(), { page: 1, pageSize: 20 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: posted.id,
      source: 'test_sale',
      sourceId: 'order-1',
      fanId: fan.id,
      memo: 'A membership',
      occurredAt: '2026-11-03T10:00:00.000Z',
      entries: [
        { account: 'provider_clearing', amountMinor: 1500, currency: 'CNY' },
        { account: 'membership_revenue', amountMinor: -1500, currency: 'CNY' },
      ],
    });
  });

  it('refuses in the service, with a code, what is not a balanced transaction, and writes nothing', async () => {
    const ctx = system();
    const one = (account: 'provider_clearing', amountMinor: number, currency = 'CNY') => ({ account, amountMinor, currency });
    expect(await code(ledger().post(ctx, sale('a', 100, { entries: [one('provider_clearing', 100), one('provider_clearing', -99)] })))).toBe('ledger.unbalanced');
    // Balanced in total but not per currency.
    expect(await code(ledger().post(ctx, sale('b', 100, { entries: [one('provider_clearing', 100), one('provider_clearing', -100, 'USD')] })))).toBe(
      'ledger.unbalanced',
    );
    expect(await code(ledger().post(ctx, sale('c', 100, { entries: [one('provider_clearing', 100)] })))).toBe('ledger.too_few_entries');
    expect(await code(ledger().post(ctx, sale('d', 100, { entries: [] })))).toBe('ledger.too_few_entries');
    for (const bad of [0, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) {
      expect(await code(ledger().post(ctx, sale('e', 100, { entries: [one('provider_clearing', bad), one('provider_clearing', -bad)] }))), String(bad)).toBe(
        'ledger.invalid_entry',
      );
    }
    const unknownAccount = { account: 'petty_cash', amountMinor: -100, currency: 'CNY' } as unknown as ReturnType<typeof one>;
    expect(await code(ledger().post(ctx, sale('f', 100, { entries: [one('provider_clearing', 100), unknownAccount] })))).toBe('ledger.invalid_entry');
    expect(await code(ledger().post(ctx, sale('g', 100, { entries: [one('provider_clearing', 100), one('provider_clearing', -100, 'cny')] })))).toBe(
      'ledger.invalid_entry',
    );
    expect(await code(ledger().post(ctx, sale('', 100)))).toBe('ledger.invalid_post');
    expect(await code(ledger().post(ctx, sale('h', 100, { occurredAt: new Date('0001-01-01T00:00:00Z') })))).toBe('ledger.invalid_post');
    // Sums are exact past 2^53: two maximal debits against one credit of their sum cannot be written, so this is unbalanced.
    const max = Number.MAX_SAFE_INTEGER;
    expect(
      await code(ledger().post(ctx, sale('i', 100, { entries: [one('provider_clearing', max), one('provider_clearing', max), one('provider_clearing', -max)] }))),
    ).toBe('ledger.unbalanced');
    expect(await count('ledger_transactions')).toBe(0);
    expect(await count('ledger_entries')).toBe(0);
  });

  it('refuses at commit, in the database, an unbalanced transaction or one with fewer than two entries written past the service', async () => {
    const db = t.database.db;
    const header = (id: string) => sql.raw(`insert into ledger_transactions (id, source, source_id, occurred_at) values ('${id}', 'raw', '${id}', now())`);
    const entry = (id: string, index: number, amount: number, currency = 'CNY') =>
      sql.raw(
        `insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at) values ('${id}', ${index}, 'provider_clearing', ${amount}, '${currency}', now())`,
      );
    const unbalanced = '00000000-0000-4000-8000-000000000001';
    const attempt = db.transaction(async (tx) => {
      await tx.execute(header(unbalanced));
      await tx.execute(entry(unbalanced, 0, 100));
      await tx.execute(entry(unbalanced, 1, -90));
      // Each statement was accepted: the check waits for the commit.
    });
    expect(await refusal(attempt)).toMatch(/unbalanced/);
    const perCurrency = '00000000-0000-4000-8000-000000000002';
    expect(
      await refusal(
        db.transaction(async (tx) => {
          await tx.execute(header(perCurrency));
          await tx.execute(entry(perCurrency, 0, 100, 'CNY'));
          await tx.execute(entry(perCurrency, 1, -100, 'USD'));
        }),
      ),
    ).toMatch(/unbalanced \(CNY 100, USD -100\)/);
    const single = '00000000-0000-4000-8000-000000000003';
    expect(await refusal(db.execute(header(single)))).toMatch(/has 0 entries; it needs at least two/);
    // The same header with two balancing entries commits: the trigger is not refusing everything.
    const balanced = '00000000-0000-4000-8000-000000000004';
    await db.transaction(async (tx) => {
      await tx.execute(header(balanced));
      await tx.execute(entry(balanced, 0, 100));
      await tx.execute(entry(balanced, 1, -100));
    });
    // Entries added later to a committed, balanced transaction unbalance it: refused.
    expect(await refusal(db.execute(entry(balanced, 2, 5)))).toMatch(/unbalanced \(CNY 5\)/);
    expect(await count('ledger_transactions')).toBe(1);
    expect(await count('ledger_entries')).toBe(2);
  });

  it('refuses any UPDATE or DELETE of entries and transactions (append-only)', async () => {
    await ledger().post(system(), sale('order-1'));
    const db = t.database.db;
    for (const statement of [
      'update ledger_entries set amount_minor = amount_minor * 2',
      'delete from ledger_entries',
      "update ledger_transactions set memo = 'changed'",
      'delete from ledger_transactions',
    ]) {
      expect(await refusal(db.execute(sql.raw(statement))), statement).toMatch(/append-only/);
    }
    const page = await ledger().list(system(), { page: 1, pageSize: 20 });
    expect(page.items[0]).toMatchObject({ memo: 'A membership', entries: [{ amountMinor: 1000 }, { amountMinor: -1000 }] });
  });

  it('writes the same (source, sourceId) once, also when posts race, and commits with the caller’s transaction', async () => {
    const first = await ledger().post(system(), sale('order-1'));
    const again = await ledger().post(system(), sale('order-1', 9999));
    expect(again).toEqual({ id: first.id, created: false });

    const raced = await Promise.all(Array.from({ length: 5 }, () => ledger().post(system(), sale('order-2'))));
    expect(raced.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(await count('ledger_transactions')).toBe(2);
    expect(await count('ledger_entries')).toBe(4);

    // Inside a caller's transaction that fails later, the post rolls back with it.
    await expect(
      inTransaction(system(), async (tx) => {
        await ledger().post(tx, sale('order-3'));
        throw new Error('payment state could not be saved');
      }),
    ).rejects.toThrow('payment state');
    expect(await count('ledger_transactions')).toBe(2);
  });

  it('posts many transactions in one call: each once, in order, and none when one of them is unbalanced', async () => {
    const first = await ledger().post(system(), sale('order-1', 500));
    const many = await ledger().postMany(system(), [sale('order-2', 700), sale('order-1', 9999), sale('order-3', 300), sale('order-2', 1)]);
    expect(many.map((r) => r.created)).toEqual([true, false, true, false]);
    expect(many[1]!.id).toBe(first.id);
    expect(many[3]!.id).toBe(many[0]!.id);
    expect(await count('ledger_transactions')).toBe(3);
    expect(await count('ledger_entries')).toBe(6);
    const balances = await ledger().balances(system());
    expect(balances.find((b) => b.account === 'membership_revenue')).toMatchObject({ creditMinor: 1500, balanceMinor: -1500 });

    const refused = await code(
      ledger().postMany(system(), [
        sale('order-4'),
        sale('order-5', 100, {
          entries: [
            { account: 'provider_clearing', amountMinor: 100, currency: 'CNY' },
            { account: 'refunds', amountMinor: -99, currency: 'CNY' },
          ],
        }),
      ]),
    );
    expect(refused).toBe('ledger.unbalanced');
    expect(await count('ledger_transactions')).toBe(3);
  });

  it('sums balances and monthly revenue per account and currency over two months', async () => {
    const ctx = t.container.ctx({ kind: 'system' }, { now: () => new Date('2026-12-15T12:00:00Z') });
    const at = (iso: string) => ({ occurredAt: new Date(iso) });
    await ledger().post(ctx, sale('nov-1', 1000, at('2026-11-02T00:00:00Z')));
    await ledger().post(ctx, sale('nov-2', 500, at('2026-11-30T23:59:59Z')));
    await ledger().post(ctx, sale('dec-1', 300, at('2026-12-01T00:00:00Z')));
    await ledger().post(ctx, {
      source: 'test_ad',
      sourceId: 'dec-ad',
      occurredAt: new Date('2026-12-05T00:00:00Z'),
      entries: [
        { account: 'ads_receivable', amountMinor: 2000, currency: 'USD' },
        { account: 'ad_revenue', amountMinor: -2000, currency: 'USD' },
      ],
    });
    // A refund in December: revenue given back shows as the refunds account's debit, not as less revenue.
    await ledger().post(ctx, {
      source: 'test_refund',
      sourceId: 'nov-2',
      occurredAt: new Date('2026-12-06T00:00:00Z'),
      entries: [
        { account: 'refunds', amountMinor: 500, currency: 'CNY' },
        { account: 'provider_clearing', amountMinor: -500, currency: 'CNY' },
      ],
    });
    // Two years earlier: outside a 2-month report, inside the all-time balances.
    await ledger().post(ctx, sale('old', 7, at('2024-12-01T00:00:00Z')));

    expect(await ledger().balances(ctx)).toEqual([
      { account: 'ad_revenue', currency: 'USD', debitMinor: 0, creditMinor: 2000, balanceMinor: -2000 },
      { account: 'ads_receivable', currency: 'USD', debitMinor: 2000, creditMinor: 0, balanceMinor: 2000 },
      { account: 'membership_revenue', currency: 'CNY', debitMinor: 0, creditMinor: 1807, balanceMinor: -1807 },
      { account: 'provider_clearing', currency: 'CNY', debitMinor: 1807, creditMinor: 500, balanceMinor: 1307 },
      { account: 'refunds', currency: 'CNY', debitMinor: 500, creditMinor: 0, balanceMinor: 500 },
    ]);
    const december = await ledger().balances(ctx, { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
    expect(december.find((b) => b.account === 'membership_revenue')).toEqual({
      account: 'membership_revenue',
      currency: 'CNY',
      debitMinor: 0,
      creditMinor: 300,
      balanceMinor: -300,
    });

    expect((await ledger().monthly(ctx, { months: 2 })).items).toEqual([
      { month: '2026-11', account: 'membership_revenue', currency: 'CNY', revenueMinor: 1500 },
      { month: '2026-12', account: 'ad_revenue', currency: 'USD', revenueMinor: 2000 },
      { month: '2026-12', account: 'membership_revenue', currency: 'CNY', revenueMinor: 300 },
    ]);
    expect((await ledger().monthly(ctx, { months: 1 })).items.map((r) => r.month)).toEqual(['2026-12', '2026-12']);

    const onlyAds = await ledger().list(ctx, { page: 1, pageSize: 20, account: 'ad_revenue' });
    expect(onlyAds.items.map((i) => i.sourceId)).toEqual(['dec-ad']);
    const newestFirst = await ledger().list(ctx, { page: 1, pageSize: 2 });
    expect(newestFirst.total).toBe(6);
    expect(newestFirst.items.map((i) => i.sourceId)).toEqual(['nov-2', 'dec-ad']);
  });

  it('keeps a fan with money history from being deleted (restrict: the history stays whole)', async () => {
    const { fan } = await signupFan(t.app);
    await ledger().post(system(), sale('order-1', 100, { fanId: fan.id }));
    await expect(t.database.db.execute(sql.raw(`delete from fans where id = '${fan.id}'`))).rejects.toThrow();
    expect((await ledger().list(system(), { page: 1, pageSize: 20 })).items[0]!.fanId).toBe(fan.id);
  });
});
