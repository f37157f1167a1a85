/**
 * The payments benchmark's reference routes (bench:payments), added to `fanbase serve` by
 * bench-server.ts. They write through SQL what the benchmark needs in place before it measures
 * the product's own routes, and check the money afterwards.
 *   POST /bench/payments         N pending sandbox payments (one bench fan): their ids and amounts
 *   GET  /bench/payments/check   payments paid, notifications or ledger transactions applied twice, the ledger balanced
 *   POST /bench/ledger           ledger transactions from..to of total, over the last 36 UTC months, in two statements (the balance triggers run)
 *   GET  /bench/ledger/by-entries the 12-month revenue aggregate read from ledger_entries, for comparison with the monthly totals
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Container } from '../../src/container.ts';
import { monthEnd, monthStart } from '../../src/core/months.ts';

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

export function paymentsBenchRoutes(app: FastifyInstance, container: Container) {
  const { db } = container.database;

  app.post<{ Body: { n: number } }>('/bench/payments', { schema: { hide: true } }, async (req) => {
    const n = Number(req.body.n);
    const [fan] = rows<{ id: string }>(
      await db.execute(
        sql`insert into fans (id, email, display_name, created_at) values (gen_random_uuid(), ${`payer-${Date.now()}@bench.test`}, 'Bench payer', now()) returning id`,
      ),
    );
    // Two thirds memberships, one third store orders; amounts 1.00 to 100.00.
    const created = rows<{ id: string; amount_minor: string }>(
      await db.execute(sql`insert into payments (id, fan_id, reference_type, reference_id, description, return_url, amount_minor, currency, provider, provider_payment_id, status, created_at, updated_at)
        select p.id, ${fan!.id}::uuid, case when g % 3 = 0 then 'order' else 'membership' end, 'bench-' || g, 'Bench payment ' || g, '/me',
          100 + (g * 37) % 9900, 'CNY', 'sandbox', 'sbx_' || p.id, 'pending', now(), now()
        from generate_series(1, ${n}::int) g cross join lateral (select gen_random_uuid() as id, g as k) p
        returning id, amount_minor`),
    );
    return created.map((r) => ({ id: r.id, amountMinor: Number(r.amount_minor) }));
  });

  app.get('/bench/payments/check', { schema: { hide: true } }, async () => {
    const [r] = rows<Record<string, string>>(
      await db.execute(sql`select
        (select count(*) from payments where provider = 'sandbox' and reference_id like 'bench-%') as payments,
        (select count(*) from payments where provider = 'sandbox' and reference_id like 'bench-%' and status = 'paid') as paid,
        (select count(*) from (select source_id from ledger_transactions where source = 'payment' group by source_id having count(*) > 1) x) as payments_booked_twice,
        (select count(*) from (select provider, notification_id from payment_notifications where outcome = 'applied' group by 1, 2 having count(*) > 1) x) as notifications_applied_twice,
        (select count(*) from payments p where p.reference_id like 'bench-%' and (p.status = 'paid') <> exists (select 1 from ledger_transactions t where t.source = 'payment' and t.source_id = p.id::text)) as ledger_disagrees,
        (select count(*) from payment_notifications where outcome = 'duplicate') as duplicates_seen,
        (select count(*) from payment_notifications where outcome = 'stale') as stale_seen,
        (select count(*) from (select transaction_id, currency from ledger_entries group by 1, 2 having sum(amount_minor) <> 0) x) as unbalanced,
        (select count(*) from (select t.id from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id group by t.id having count(e.id) < 2) x) as too_few_entries`),
    );
    const n = (k: string) => Number(r![k]);
    return {
      payments: n('payments'),
      paid: n('paid'),
      duplicatesApplied: n('payments_booked_twice') + n('notifications_applied_twice'),
      ledgerDisagrees: n('ledger_disagrees'),
      duplicatesSeen: n('duplicates_seen'),
      staleSeen: n('stale_seen'),
      ledgerBalanced: n('unbalanced') === 0 && n('too_few_entries') === 0,
    };
  });

  app.post<{ Body: { from: number; to: number; total: number } }>('/bench/ledger', { schema: { hide: true } }, async (req) => {
    const { from, to, total } = req.body;
    const started = Date.now();
    // Transaction g of `total`, spread evenly over the 36 UTC months up to now: 60% memberships, 20% store, 10% ad fees, 10% refunds.
    const first = sql`(date_trunc('month', now() at time zone 'UTC') - interval '35 months') at time zone 'UTC'`;
    const at = sql`${first} + (g::float8 / ${total}::int) * (now() - ${first})`;
    const id = sql`('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid`;
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into ledger_transactions (id, source, source_id, memo, occurred_at)
        select ${id}, 'bench_load', g::text, '', ${at} from generate_series(${from}::int, ${to}::int) g`);
      await tx.execute(sql`insert into ledger_entries (transaction_id, entry_index, account, amount_minor, currency, occurred_at)
        select ${id}, e.i,
          case when e.i = 0 then (case when g % 10 < 8 then 'provider_clearing' when g % 10 = 8 then 'ads_receivable' else 'refunds' end)
               else (case when g % 10 < 6 then 'membership_revenue' when g % 10 < 8 then 'store_revenue' when g % 10 = 8 then 'ad_revenue' else 'provider_clearing' end) end,
          (case when e.i = 0 then 1 else -1 end) * (100 + (g * 37) % 9900), 'CNY', ${at}
        from generate_series(${from}::int, ${to}::int) g cross join (values (0), (1)) e(i)`);
    });
    if (to >= total) {
      await db.execute(sql`analyze ledger_transactions`);
      await db.execute(sql`analyze ledger_entries`);
    }
    return { ms: Date.now() - started };
  });

  app.get<{ Querystring: { from: string; to: string } }>('/bench/ledger/by-entries', { schema: { hide: true } }, async (req) => {
    const [from, to] = [monthStart(req.query.from).toISOString(), monthEnd(req.query.to).toISOString()];
    const started = performance.now();
    await db.execute(sql`select to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month, account, sum(amount_minor)
      from ledger_entries where account in ('ad_revenue', 'membership_revenue', 'store_revenue', 'refunds') and currency = 'CNY'
        and occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz
      group by 1, 2`);
    return { ms: performance.now() - started };
  });
}
