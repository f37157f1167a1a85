import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { PaymentProvider } from './payment-provider.ts';
import type { PaymentRow, PaymentsRepository, RefundRow } from './payments.repository.ts';
import { toRefundDto, type RefundInput } from './payments.schemas.ts';

/** The refund job: a refund the provider did not answer, asked again later. */
export const PAYMENT_REFUND_JOB = 'payment.refund';
/** Tries after the first: 30 s, then about twice as long each time (about half an hour in all). */
export const REFUND_RETRIES = 6;
export const REFUND_RETRY_DELAY_SECONDS = 30;

/** Where the refund job is sent (the job queue). */
export type RefundScheduler = {
  send(ctx: Ctx, name: string, data: { refundId: string }, opts?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>;
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * Refunds staff ask for: recorded first (holding their amount), then the provider is asked outside
 * any lock; one it does not answer is asked again later on the job queue. A refund counts once
 * the provider's notification confirms it (payments.service.ts applies that).
 */
export function createRefunds(deps: { repo: PaymentsRepository; providerOf: (name: string) => PaymentProvider; scheduler?: RefundScheduler }) {
  const { repo, providerOf, scheduler } = deps;

  /** Asks the payment's provider to refund (the refund's id is the provider's idempotency key: asking twice refunds once). */
  const ask = (ctx: Ctx, refund: RefundRow, payment: PaymentRow) =>
    providerOf(payment.provider).refund(ctx, {
      refundId: refund.id,
      paymentId: payment.id,
      providerPaymentId: payment.providerPaymentId!,
      amountMinor: refund.amountMinor,
      totalMinor: payment.amountMinor,
      currency: payment.currency,
    });

  return {
    /**
     * Staff refund part or all of a paid payment (`all`: whatever is still refundable); it counts
     * once the provider confirms it. The refund is recorded first (holding its amount), then the
     * provider is asked outside any lock: a refusal answers its error and keeps nothing; no answer
     * (or the provider's own trouble) keeps the refund requested and asks again later, with
     * backoff, on the job queue.
     */
    async request(ctx: Ctx, paymentId: string, input: RefundInput | { all: true; reason?: string }) {
      requireStaff(ctx);
      const { refund, payment } = await inTransaction(ctx, async (tx) => {
        const locked = await repo.lockById(tx.db, paymentId);
        if (!locked) throw notFound('payment.not_found');
        if (locked.status !== 'paid' && locked.status !== 'partially_refunded') throw new AppError('payment.not_refundable', { status: locked.status });
        const refundable = locked.amountMinor - (await repo.refundsOutstanding(tx.db, locked.id));
        if ('all' in input) input = { amountMinor: refundable, reason: input.reason ?? '' };
        if (input.amountMinor <= 0 || input.amountMinor > refundable) throw new AppError('payment.refund_exceeds', { refundableMinor: refundable });
        const row = await repo.insertRefund(tx.db, {
          id: newId(),
          paymentId: locked.id,
          amountMinor: input.amountMinor,
          reason: input.reason || null,
          requestedBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : ctx.actor.kind,
          createdAt: tx.now(),
        });
        return { refund: row, payment: locked };
      });
      const provider = providerOf(payment.provider);
      try {
        await ask(ctx, refund, payment);
        return toRefundDto((await repo.refundTried(ctx.db, refund.id, null)) ?? refund);
      } catch (err) {
        if (!scheduler || !provider.isTransient?.(err)) {
          await repo.deleteRequestedRefund(ctx.db, refund.id);
          throw err;
        }
        const tried = await repo.refundTried(ctx.db, refund.id, errorText(err));
        await scheduler.send(
          ctx,
          PAYMENT_REFUND_JOB,
          { refundId: refund.id },
          { singletonKey: refund.id, startAfter: new Date(ctx.now().getTime() + REFUND_RETRY_DELAY_SECONDS * 1000) },
        );
        ctx.log.warn({ refundId: refund.id, provider: provider.name, err: errorText(err) }, 'the provider did not take the refund; asking again later');
        return toRefundDto(tried ?? refund);
      }
    },

    /**
     * The refund job: asks the provider again for a refund still requested. A failure that may
     * pass throws (the queue tries again later, each wait about twice the last); a refusal, or the
     * last try, marks the refund failed with the provider's reason and frees its amount.
     */
    async retry(ctx: Ctx, refundId: string, lastTry: boolean) {
      const refund = await repo.findRefund(ctx.db, refundId);
      if (!refund || refund.status !== 'requested') return;
      const payment = (await repo.findById(ctx.db, refund.paymentId))!;
      try {
        await ask(ctx, refund, payment);
        await repo.refundTried(ctx.db, refund.id, null);
      } catch (err) {
        await repo.refundTried(ctx.db, refund.id, errorText(err));
        if (!lastTry && providerOf(payment.provider).isTransient?.(err)) throw err;
        await repo.failRefund(ctx.db, refund.id, ctx.now(), errorText(err));
        ctx.log.warn({ refundId, provider: payment.provider, err: errorText(err) }, 'the refund failed for good; staff see why on the payment');
      }
    },
  };
}
