import { z } from 'zod';
import type { Ctx } from '../../../core/context.ts';
import { INT8_SAFE_MAX } from '../../../core/bounds.ts';
import { AppError } from '../../../core/errors.ts';
import { newId } from '../../../core/ids.ts';
import { addMonths } from '../../../core/calendar-months.ts';
import type { PaymentProvider, VerifiedNotification } from '../payment-provider.ts';
import type { SandboxRepository } from '../sandbox.repository.ts';
import { SANDBOX_SIGNATURE_HEADER, signSandbox, verifySandbox } from './sandbox-signature.ts';

export const SANDBOX = 'sandbox';
export type SandboxAction = 'pay' | 'fail' | 'cancel';

const EVENT_TYPES = { pay: 'payment.paid', fail: 'payment.failed', cancel: 'payment.canceled' } as const;
const sandboxEvent = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(['payment.paid', 'payment.failed', 'payment.canceled', 'refund.succeeded', 'subscription.renewed']),
  payment: z.string().min(1).max(100),
  amountMinor: z.number().int().positive().max(INT8_SAFE_MAX),
  currency: z.string().regex(/^[A-Z]{3}$/),
  refund: z.uuid().optional(),
  subscription: z.string().min(1).max(100).optional(),
  charge: z.string().min(1).max(100).optional(),
  periodEnd: z.iso.datetime().optional(),
  /** A subscription's renewal interval. */
  interval: z.enum(['month', 'year']).optional(),
  createdAt: z.iso.datetime(),
});
type SandboxEvent = z.infer<typeof sandboxEvent>;

/** Attempt n failed: the next in 2^(n-1) s, at most 15 min apart; given up after 15 attempts. */
export const SANDBOX_MAX_ATTEMPTS = 15;
export const sandboxBackoffMs = (attempts: number) => Math.min(2 ** (attempts - 1) * 1000, 15 * 60_000);

/** Sends one notification to the server; answers the HTTP status. */
export type NotificationSender = (headers: Record<string, string>, body: string) => Promise<number>;

/**
 * The built-in test gateway ("test payments"): a hosted pay page with pay / fail / cancel, then an
 * HMAC-signed notification sent asynchronously from an outbox, with retries and backoff, as a
 * real gateway behaves. `chaos` (tests) sends every notification twice and the due ones in
 * reverse order.
 */
export function createSandboxGateway(deps: { repo: SandboxRepository; secret: string; chaos?: { duplicate?: boolean; reorder?: boolean } }) {
  const { repo, secret, chaos = {} } = deps;
  const providerPaymentIdOf = (paymentId: string) => `sbx_${paymentId}`;

  async function enqueue(ctx: Ctx, paymentId: string, event: Omit<SandboxEvent, 'id' | 'createdAt'>, dueAt?: Date) {
    const now = ctx.now();
    const body = JSON.stringify({ id: `evt_${newId()}`, ...event, createdAt: (dueAt ?? now).toISOString() });
    await repo.enqueue(ctx.db, {
      id: newId(),
      paymentId,
      body,
      subscriptionId: event.type === 'subscription.renewed' ? event.subscription! : null,
      nextAttemptAt: dueAt ?? now,
      createdAt: now,
    });
  }

  /** A subscription's next charge, due when the period `from` starts ends. */
  const renewal = (ctx: Ctx, payment: { id: string; amountMinor: number; currency: string }, subscription: string, months: number, from: Date) =>
    enqueue(
      ctx,
      payment.id,
      {
        type: 'subscription.renewed',
        payment: providerPaymentIdOf(payment.id),
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        subscription,
        charge: `ch_${newId()}`,
        interval: months === 12 ? 'year' : 'month',
        periodEnd: addMonths(from, months * 2).toISOString(),
      },
      addMonths(from, months),
    );

  const provider: PaymentProvider = {
    name: SANDBOX,
    testMode: true,
    recurring: true,
    async createPayment(_ctx, payment) {
      return { providerPaymentId: providerPaymentIdOf(payment.paymentId), action: { kind: 'redirect', url: `/sandbox/pay/${payment.paymentId}` } };
    },
    verifyNotification({ headers, body, now }): VerifiedNotification {
      verifySandbox(secret, headers[SANDBOX_SIGNATURE_HEADER], body, now);
      let event: SandboxEvent;
      try {
        event = sandboxEvent.parse(JSON.parse(body));
      } catch {
        throw new AppError('payment.notification_invalid', { reason: 'body_malformed' }, { message: 'The notification is not genuine: body_malformed' });
      }
      const kind = (
        {
          'payment.paid': 'paid',
          'payment.failed': 'failed',
          'payment.canceled': 'canceled',
          'refund.succeeded': 'refunded',
          'subscription.renewed': 'renewed',
        } as const
      )[event.type];
      return {
        notificationId: event.id,
        providerPaymentId: event.payment,
        event: kind,
        amountMinor: event.amountMinor,
        currency: event.currency,
        ...(event.refund ? { refundId: event.refund } : {}),
        ...(event.subscription ? { subscriptionId: event.subscription } : {}),
        ...(event.charge ? { chargeId: event.charge } : {}),
        ...(event.periodEnd ? { periodEnd: new Date(event.periodEnd) } : {}),
      };
    },
    async refund(ctx, refund) {
      await enqueue(ctx, refund.paymentId, {
        type: 'refund.succeeded',
        payment: refund.providerPaymentId,
        amountMinor: refund.amountMinor,
        currency: refund.currency,
        refund: refund.refundId,
      });
    },
    async cancelRecurring(ctx, { subscriptionId }) {
      await repo.dropRenewals(ctx.db, subscriptionId);
    },
  };

  return {
    provider,
    /** The fan chose on the hosted page: the gateway owes the server a notification of it. */
    async act(ctx: Ctx, payment: { id: string; amountMinor: number; currency: string; recurringMonths: number | null }, action: SandboxAction) {
      const months = action === 'pay' ? payment.recurringMonths : null;
      const subscription = months ? `sub_${payment.id}` : undefined;
      await enqueue(ctx, payment.id, {
        type: EVENT_TYPES[action],
        payment: providerPaymentIdOf(payment.id),
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        ...(subscription ? { subscription, periodEnd: addMonths(ctx.now(), months!).toISOString() } : {}),
      });
      // A subscription charges its next period by itself when this one ends, and so on until canceled.
      if (subscription) await renewal(ctx, payment, subscription, months!, ctx.now());
    },
    /**
     * Sends what is due (signed now), once each, or retries later with backoff. Answers how many
     * were delivered. Nothing is held open while a notification is in flight.
     */
    async deliverDue(ctx: Ctx, send: NotificationSender, limit = 50): Promise<number> {
      const due = await repo.claimDue(ctx.db, ctx.now(), limit, 60_000);
      if (chaos.reorder) due.reverse();
      let delivered = 0;
      for (const d of due) {
        const attempts = d.attempts + 1;
        let error: string | undefined;
        try {
          for (let copy = 0; copy < (chaos.duplicate ? 2 : 1); copy++) {
            const status = await send({ 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signSandbox(secret, d.body, ctx.now()) }, d.body);
            if (status < 200 || status >= 300) error = `answered ${status}`;
          }
        } catch (err) {
          error = (err as Error).message;
        }
        if (error === undefined) {
          await repo.delivered(ctx.db, d.id, attempts, ctx.now());
          delivered += 1;
          const event = JSON.parse(d.body) as SandboxEvent;
          // The next period's charge falls due when the one just charged for ends.
          if (event.type === 'subscription.renewed' && event.subscription) {
            const months = event.interval === 'year' ? 12 : 1;
            await renewal(
              ctx,
              { id: d.paymentId, amountMinor: event.amountMinor, currency: event.currency },
              event.subscription,
              months,
              new Date(event.createdAt),
            );
          }
        } else {
          const next = attempts >= SANDBOX_MAX_ATTEMPTS ? new Date('9999-12-31T00:00:00Z') : new Date(ctx.now().getTime() + sandboxBackoffMs(attempts));
          await repo.failed(ctx.db, d.id, attempts, next, error);
        }
      }
      return delivered;
    },
  };
}
export type SandboxGateway = ReturnType<typeof createSandboxGateway>;
