import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signupFan } from '../../../test/factories.ts';
import { createNotificationIntake, type IncomingNotification } from './notification-intake.ts';
import { SANDBOX_SIGNATURE_HEADER, signSandbox } from './providers/sandbox-signature.ts';
import { paymentsRepository } from './payments.repository.ts';

const SECRET = 'test-sandbox-secret-0123456789abcdef';
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('a storm of notifications, applied in group commits', () => {
  const t = useTestApp({}, { container: { sandboxSecret: SECRET } });
  const system = () => t.container.ctx({ kind: 'system' });

  /** `n` pending sandbox payments of one fan, 1.00 to n.00. */
  async function pendingPayments(n: number) {
    const fan = await signupFan(t.app);
    const created = [];
    for (let i = 1; i <= n; i++) {
      const { payment } = await t.container.services.payments.create(system(), {
        fanId: fan.fan.id,
        referenceType: 'order',
        channel: 'store',
        referenceId: `order-${i}`,
        description: `Order ${i}`,
        amountMinor: i * 100,
        currency: 'CNY',
        returnUrl: '/orders',
      });
      created.push(payment);
    }
    return created;
  }
  const event = (id: string, type: 'payment.paid' | 'payment.failed', p: { id: string; amountMinor: number }) =>
    JSON.stringify({ id, type, payment: `sbx_${p.id}`, amountMinor: p.amountMinor, currency: 'CNY', createdAt: new Date().toISOString() });
  const notify = (body: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/payments/notifications/sandbox',
      headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandbox(SECRET, body, new Date()) },
      payload: body,
    });

  it('applies each once, at once, whatever the duplicates and late failures among them', async () => {
    const payments = await pendingPayments(24);
    const bodies = payments.flatMap((p, i) => [
      event(`evt_paid_${i}`, 'payment.paid', p),
      ...(i % 2 ? [event(`evt_paid_${i}`, 'payment.paid', p)] : []),
      ...(i % 3 === 0 ? [event(`evt_failed_${i}`, 'payment.failed', p)] : []),
    ]);
    const answers = await Promise.all(bodies.map(async (b) => ({ status: (await notify(b)).statusCode, body: b })));
    expect(answers.every((a) => a.status === 200)).toBe(true);

    const statuses = rows<{ status: string; n: string }>(
      await t.database.db.execute(sql`select status, count(*)::text as n from payments where reference_id like 'order-%' group by status`),
    );
    expect(statuses).toEqual([{ status: 'paid', n: '24' }]);
    const outcomes = rows<{ outcome: string; n: string }>(
      await t.database.db.execute(sql`select outcome, count(*)::text as n from payment_notifications group by outcome order by outcome`),
    );
    // Each payment's paid applied once; its repeat a duplicate; the failure after it stale —
    // or, where the failure came first, applied and then overtaken by the payment (paid wins).
    const byOutcome = Object.fromEntries(outcomes.map((o) => [o.outcome, Number(o.n)]));
    expect(byOutcome.duplicate).toBe(12);
    expect((byOutcome.applied ?? 0) + (byOutcome.stale ?? 0)).toBe(24 + 8);
    const booked = rows<{ transactions: string; total: string }>(
      await t.database.db.execute(
        sql`select count(distinct t.id)::text as transactions, coalesce(sum(e.amount_minor) filter (where e.account = 'provider_clearing'), 0)::text as total
            from ledger_transactions t join ledger_entries e on e.transaction_id = t.id where t.source = 'payment'`,
      ),
    );
    expect(booked).toEqual([{ transactions: '24', total: String((24 * 25 * 100) / 2) }]);
  });

  for (const where of ['apply', 'flush'] as const) {
    it(`one notification that fails (in ${where}) fails alone: the others that shared its transaction still apply`, async () => {
      const payments = await pendingPayments(6);
      const poison = payments[3]!.id;
      const applied: string[] = [];
      const intake = createNotificationIntake<never, string>({
        repo: paymentsRepository,
        apply: async (tx, payment, _n, fx) => {
          if (where === 'apply' && payment.id === poison) throw new Error('the handler broke');
          const patch = { id: payment.id, status: 'paid' as const, paidAt: tx.now(), updatedAt: tx.now() };
          if (fx) {
            await fx.update(patch);
            await fx.settled(payment.id);
          } else {
            await paymentsRepository.update(tx.db, payment.id, patch);
            if (payment.id === poison) throw new Error('the handler broke');
          }
          applied.push(payment.id);
          return { outcome: 'applied' };
        },
        // The gathered effects: every payment's change in one statement, then each owner hears it.
        flush: async (tx, effects) => {
          await paymentsRepository.updateMany(tx.db, effects.updates);
          if (effects.settled.includes(poison)) throw new Error('the handler broke');
        },
      });
      const incoming = (p: { id: string; amountMinor: number }, i: number): IncomingNotification => ({
        ctx: system(),
        provider: 'sandbox',
        n: { event: 'paid', notificationId: `evt_${i}`, providerPaymentId: `sbx_${p.id}`, amountMinor: p.amountMinor, currency: 'CNY' },
        headers: {},
        body: '{}',
        receivedAt: new Date(),
      });
      const results = await Promise.allSettled(payments.map((p, i) => intake.accept(incoming(p, i))));
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.outcome : (r.reason as Error).message))).toEqual([
        'applied',
        'applied',
        'applied',
        'the handler broke',
        'applied',
        'applied',
      ]);
      const paid = rows<{ id: string }>(await t.database.db.execute(sql`select id from payments where status = 'paid' and reference_id like 'order-%'`));
      expect(paid.map((r) => r.id).sort()).toEqual(
        payments
          .filter((p) => p.id !== poison)
          .map((p) => p.id)
          .sort(),
      );
      // Nothing of the failed one is stored as taken into account: the provider's retry will apply it.
      const stored = rows<{ notification_id: string }>(
        await t.database.db.execute(sql`select notification_id from payment_notifications order by notification_id`),
      );
      expect(stored.map((r) => r.notification_id)).toEqual(['evt_0', 'evt_1', 'evt_2', 'evt_4', 'evt_5']);
      expect(new Set(applied.filter((id) => id !== poison)).size).toBe(5);
    });
  }
});
