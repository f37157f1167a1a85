import type { Ctx } from '../../core/context.ts';
import { requireStaff } from '../../core/access.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Page } from '../../core/pagination.ts';
import {
  isIgnored,
  type IgnoredNotification,
  type NewProviderPayment,
  type PaymentAction,
  type PaymentProvider,
  type VerifiedNotification,
} from './payment-provider.ts';
import { createNotificationIntake, type NotificationEffects } from './notification-intake.ts';
import { createRefunds, type RefundScheduler } from './payment-refunds.ts';
import { refundTransition, transition } from './payment-transitions.ts';
import type { PaymentRow, PaymentsRepository } from './payments.repository.ts';
import { toNotificationDto, toPaymentDto, toRefundDto, toStaffPaymentDto, type PaymentDto, type PaymentListQuery } from './payments.schemas.ts';
import type { NotificationOutcome, SaleChannel } from './payments.table.ts';

/** The ledger as payments use it (src/modules/ledger): one balanced transaction per money movement, idempotent by source. */
export type LedgerPoster = {
  post(
    ctx: Ctx,
    input: {
      source: string;
      sourceId: string;
      fanId?: string | null;
      occurredAt?: Date;
      memo?: string;
      entries: { account: 'provider_clearing' | 'membership_revenue' | 'store_revenue' | 'refunds'; amountMinor: number; currency: string }[];
    },
  ): Promise<{ id: string; created: boolean }>;
  postMany(ctx: Ctx, inputs: LedgerInput[]): Promise<{ id: string; created: boolean }[]>;
};
type LedgerInput = Parameters<LedgerPoster['post']>[1];

/** What each kind of reference earns, in the ledger. */
const REVENUE_ACCOUNT = { membership: 'membership_revenue', order: 'store_revenue' } as const;
export type ReferenceType = keyof typeof REVENUE_ACCOUNT;

/** What each channel of sale sells: membership periods (and gifts of them), or orders (the store's, the festival's). */
const CHANNEL_REFERENCE: Record<SaleChannel, ReferenceType> = { membership: 'membership', store: 'order', festival: 'order' };

/**
 * What the module owning a reference hears, in the same transaction as the payment's change:
 * paid, renewed by the provider (a new payment row for the new period), or refunded.
 */
export type SettledEvent =
  | { kind: 'paid'; payment: PaymentRow }
  | { kind: 'renewed'; payment: PaymentRow; first: PaymentRow; periodEnd?: Date }
  | { kind: 'refunded'; payment: PaymentRow; amountMinor: number };
export type SettledHandler = (tx: Ctx, event: SettledEvent) => Promise<void>;

export type NewPayment = {
  fanId: string;
  referenceType: ReferenceType;
  referenceId: string;
  description: string;
  amountMinor: number;
  currency: string;
  /** Where the fan comes back to after paying. */
  returnUrl: string;
  /**
   * Where the fan is buying: its provider takes the payment. A membership payment is the
   * `membership` channel's without saying so; an order names `store` or `festival`.
   */
  channel?: SaleChannel;
  /** This provider rather than the channel's (specs of one provider). */
  provider?: string;
  /** Renew by itself every this many months (a subscription), where the provider offers it. */
  recurringMonths?: 1 | 12;
  method?: NewProviderPayment['method'];
  payer?: NewProviderPayment['payer'];
};

/**
 * Payments through one provider interface: create, confirm by the provider's signed
 * notification (verified, stored raw, applied once, never backwards, amount and currency checked
 * first), refund, status. Every movement of money is a ledger transaction in the same database
 * transaction as the status it goes with.
 */
export function createPaymentsService(deps: {
  repo: PaymentsRepository;
  providers: PaymentProvider[];
  /** Which provider takes a channel of sale's payments (src/modules/payments/sale-channels.service.ts). */
  channels: { providerFor(ctx: Ctx, channel: SaleChannel): Promise<PaymentProvider> };
  ledger: LedgerPoster;
  scheduler?: RefundScheduler;
}) {
  const { repo, ledger, channels } = deps;
  const providers = new Map(deps.providers.map((p) => [p.name, p]));
  const providerOf = (name: string): PaymentProvider => {
    const provider = providers.get(name);
    if (!provider) throw new AppError('payment.provider_unknown', { provider: name });
    return provider;
  };
  const testMode = (row: PaymentRow) => providers.get(row.provider)?.testMode ?? false;
  const settledHandlers = new Map<string, SettledHandler>();
  const settled = async (tx: Ctx, event: SettledEvent) => {
    const handler = settledHandlers.get(event.payment.referenceType);
    if (handler) await handler(tx, event);
  };

  const paidPost = (tx: Ctx, payment: PaymentRow): LedgerInput => ({
    source: 'payment',
    sourceId: payment.id,
    fanId: payment.fanId,
    occurredAt: tx.now(),
    memo: payment.description,
    entries: [
      { account: 'provider_clearing', amountMinor: payment.amountMinor, currency: payment.currency },
      { account: REVENUE_ACCOUNT[payment.referenceType as ReferenceType], amountMinor: -payment.amountMinor, currency: payment.currency },
    ],
  });
  /** What applying a notification does right away, one notification at a time. */
  const atOnce = (tx: Ctx): NotificationEffects<LedgerInput, SettledEvent> => ({
    update: ({ id, ...patch }) => repo.update(tx.db, id, patch),
    post: async (input) => void (await ledger.post(tx, input)),
    settled: (event) => settled(tx, event),
  });

  /** The provider charged a subscription's next period by itself: a paid payment of its own, booked once per charge. */
  async function applyRenewal(tx: Ctx, first: PaymentRow, n: VerifiedNotification): Promise<{ outcome: NotificationOutcome; error?: string }> {
    if (!n.chargeId) return { outcome: 'unknown_payment', error: 'renewal without a charge id' };
    if (await repo.findByProviderId(tx.db, first.provider, n.chargeId)) return { outcome: 'duplicate' };
    if (n.currency !== first.currency || n.amountMinor <= 0) {
      await repo.update(tx.db, first.id, { mismatchAt: tx.now(), updatedAt: tx.now() });
      return { outcome: 'mismatch', error: `renewal of ${n.amountMinor} ${n.currency} on a ${first.currency} subscription` };
    }
    const now = tx.now();
    const payment = await repo.insert(tx.db, {
      id: newId(),
      fanId: first.fanId,
      referenceType: first.referenceType,
      referenceId: first.referenceId,
      description: first.description,
      returnUrl: first.returnUrl,
      amountMinor: n.amountMinor,
      currency: n.currency,
      provider: first.provider,
      providerPaymentId: n.chargeId,
      status: 'paid',
      recurringMonths: first.recurringMonths,
      subscriptionId: first.subscriptionId,
      renewalOf: first.id,
      createdAt: now,
      updatedAt: now,
      paidAt: now,
    });
    await ledger.post(tx, paidPost(tx, payment));
    await settled(tx, { kind: 'renewed', payment, first, ...(n.periodEnd ? { periodEnd: n.periodEnd } : {}) });
    return { outcome: 'applied' };
  }

  /** A verified notification applied to its payment (the caller holds the payment's row lock). */
  async function apply(tx: Ctx, payment: PaymentRow, n: VerifiedNotification, fx = atOnce(tx)): Promise<{ outcome: NotificationOutcome; error?: string }> {
    const now = tx.now();
    if (n.event === 'refunded') {
      const refund = n.refundId ? await repo.lockRefund(tx.db, n.refundId) : undefined;
      if (!refund || refund.paymentId !== payment.id) return { outcome: 'unknown_payment', error: 'no such refund for this payment' };
      if (refund.status === 'succeeded') return { outcome: 'duplicate' };
      if (n.amountMinor !== refund.amountMinor || n.currency !== payment.currency) {
        await fx.update({ id: payment.id, mismatchAt: now, updatedAt: now });
        return { outcome: 'mismatch', error: `refund of ${n.amountMinor} ${n.currency}, asked for ${refund.amountMinor} ${payment.currency}` };
      }
      const next = refundTransition(payment, n.amountMinor);
      if (next.outcome !== 'applied') return next;
      await repo.settleRefund(tx.db, refund.id, now);
      await fx.update({ id: payment.id, status: next.status!, refundedMinor: next.refundedMinor!, updatedAt: now });
      await fx.post({
        source: 'payment_refund',
        sourceId: refund.id,
        fanId: payment.fanId,
        occurredAt: now,
        memo: payment.description,
        entries: [
          { account: 'refunds', amountMinor: n.amountMinor, currency: payment.currency },
          { account: 'provider_clearing', amountMinor: -n.amountMinor, currency: payment.currency },
        ],
      });
      await fx.settled({ kind: 'refunded', payment: { ...payment, status: next.status!, refundedMinor: next.refundedMinor! }, amountMinor: n.amountMinor });
      return { outcome: 'applied' };
    }
    if (n.event === 'renewed') return applyRenewal(tx, payment, n);
    if (n.event === 'paid' && (n.amountMinor !== payment.amountMinor || n.currency !== payment.currency)) {
      await fx.update({ id: payment.id, mismatchAt: now, updatedAt: now });
      return { outcome: 'mismatch', error: `paid ${n.amountMinor} ${n.currency}, asked for ${payment.amountMinor} ${payment.currency}` };
    }
    const next = transition(payment.status, n.event);
    if (next.outcome !== 'applied') return next;
    const subscription = n.event === 'paid' && n.subscriptionId ? { subscriptionId: n.subscriptionId } : {};
    await fx.update({ id: payment.id, status: next.status!, updatedAt: now, ...(n.event === 'paid' ? { paidAt: now, ...subscription } : {}) });
    if (n.event === 'paid') {
      const paid = { ...payment, status: next.status!, paidAt: now, ...subscription };
      await fx.post(paidPost(tx, paid));
      await fx.settled({ kind: 'paid', payment: paid });
    }
    return { outcome: 'applied' };
  }

  const intake = createNotificationIntake({
    repo,
    apply,
    // A batch's effects, once every notification of it has been applied: the payments in one
    // statement, the ledger in one, then each owner hears its payment settle.
    flush: async (tx, effects) => {
      await repo.updateMany(tx.db, effects.updates);
      if (effects.posts.length) await ledger.postMany(tx, effects.posts);
      for (const event of effects.settled) await settled(tx, event);
    },
  });

  const refunds = createRefunds({ repo, providerOf, scheduler: deps.scheduler });

  return {
    /**
     * The module owning a kind of reference hears its payments settle (paid, renewed, refunded)
     * inside the transaction that records it: one handler per reference type.
     */
    onSettled(referenceType: ReferenceType, handler: SettledHandler) {
      if (settledHandlers.has(referenceType)) throw new Error(`${referenceType} payments already have a handler`);
      settledHandlers.set(referenceType, handler);
    },

    /** How fans pay in a channel of sale (its provider): the provider's name, whether it moves real money, whether it renews by itself. */
    async checkoutTerms(ctx: Ctx, channel: SaleChannel) {
      const provider = await channels.providerFor(ctx, channel);
      return { provider: provider.name, testMode: provider.testMode, recurring: provider.recurring };
    },

    /** Stops a subscription renewing (what was paid stays paid); a provider without renewals has nothing to stop. */
    async cancelRecurring(ctx: Ctx, paymentId: string) {
      const row = await repo.findById(ctx.db, paymentId);
      if (!row?.subscriptionId) return;
      await providerOf(row.provider).cancelRecurring?.(ctx, { subscriptionId: row.subscriptionId });
    },

    /**
     * Asks the channel of sale's provider for a payment (a membership purchase, an order): what
     * the fan does next. The payment keeps that provider: its notifications and refunds go to it
     * whatever the channel uses later.
     */
    async create(ctx: Ctx, input: NewPayment): Promise<{ payment: PaymentDto; action: PaymentAction }> {
      if (!(input.referenceType in REVENUE_ACCOUNT)) throw new Error(`no revenue account for ${input.referenceType}`);
      const channel = input.channel ?? (input.referenceType === 'membership' ? 'membership' : undefined);
      if (!input.provider && !channel) throw new Error(`a payment for an ${input.referenceType} names its channel of sale`);
      if (channel && CHANNEL_REFERENCE[channel] !== input.referenceType) throw new Error(`the ${channel} channel does not sell ${input.referenceType}s`);
      const provider = input.provider ? providerOf(input.provider) : await channels.providerFor(ctx, channel!);
      const now = ctx.now();
      const id = newId();
      if (input.recurringMonths && !provider.recurring) throw new AppError('payment.recurring_unavailable', { provider: provider.name });
      const { recurringMonths, method, payer, channel: _channel, ...fields } = input;
      const { providerPaymentId, action } = await provider.createPayment(ctx, {
        paymentId: id,
        amountMinor: input.amountMinor,
        currency: input.currency,
        description: input.description,
        returnUrl: input.returnUrl,
        ...(method ? { method } : {}),
        ...(payer ? { payer } : {}),
        ...(recurringMonths ? { recurring: { interval: recurringMonths === 12 ? ('year' as const) : ('month' as const) } } : {}),
      });
      const row = await repo.insert(ctx.db, {
        id,
        ...fields,
        recurringMonths: recurringMonths ?? null,
        provider: provider.name,
        providerPaymentId,
        createdAt: now,
        updatedAt: now,
      });
      return { payment: toPaymentDto(row, provider.testMode), action };
    },

    /** A fan's own payment (the pay page waits on its status); another fan's is not found. */
    async getMine(ctx: Ctx, id: string): Promise<PaymentDto> {
      const row = await repo.findById(ctx.db, id);
      if (!row || ctx.actor.kind !== 'fan' || row.fanId !== ctx.actor.fanId) throw notFound('payment.not_found');
      return toPaymentDto(row, testMode(row));
    },

    /** A payment by id for code that owns its reference (the sandbox's hosted page), no access check. */
    findById: (ctx: Ctx, id: string) => repo.findById(ctx.db, id),

    /**
     * A provider's notification: verified first (an invalid one is stored, marks nothing and
     * answers 400), then applied once under the payment's row lock, whatever order and however
     * often it arrives (notifications arriving together share a transaction: notification-intake.ts);
     * one the provider says asks nothing of any payment is stored as `ignored`. Answers what it did.
     */
    async handleNotification(
      ctx: Ctx,
      providerName: string,
      headers: Record<string, string | undefined>,
      body: string,
    ): Promise<{ outcome: NotificationOutcome }> {
      const provider = providerOf(providerName);
      const receivedAt = ctx.now();
      const stored = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
      let checked: VerifiedNotification | IgnoredNotification;
      try {
        checked = provider.verifyNotification({ headers, body, now: receivedAt });
      } catch (err) {
        const reason = err instanceof AppError ? String((err.params as { reason?: string }).reason ?? err.code) : 'invalid';
        await repo.insertNotification(ctx.db, { provider: provider.name, verified: false, outcome: 'rejected', error: reason, headers: stored, body, receivedAt });
        throw err;
      }
      // Genuine but about nothing to apply: stored once as `ignored` (a repeat is a duplicate) and answered 200.
      if (isIgnored(checked)) {
        const row = { provider: provider.name, notificationId: checked.notificationId, verified: true, error: checked.ignored, headers: stored, body, receivedAt };
        if (await repo.insertNotificationOnce(ctx.db, { ...row, outcome: 'ignored' })) return { outcome: 'ignored' as const };
        await repo.insertNotification(ctx.db, { ...row, outcome: 'duplicate' });
        return { outcome: 'duplicate' as const };
      }
      return intake.accept({ ctx, provider: provider.name, n: checked, headers: stored, body, receivedAt });
    },

    /** Staff refund part or all of a paid payment (payment-refunds.ts). */
    refund: refunds.request,
    /** The refund job's try (payment-refunds.ts). */
    retryRefund: refunds.retry,

    async list(ctx: Ctx, q: PaymentListQuery): Promise<Page<ReturnType<typeof toStaffPaymentDto>>> {
      requireStaff(ctx);
      const { rows, total } = await repo.list(ctx.db, { status: q.status, limit: q.pageSize, offset: offsetOf(q) });
      return { items: rows.map((r) => toStaffPaymentDto(r, testMode(r))), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: Ctx, id: string) {
      requireStaff(ctx);
      const row = await repo.findById(ctx.db, id);
      if (!row) throw notFound('payment.not_found');
      const [notifications, refunds] = await Promise.all([repo.notificationsFor(ctx.db, id), repo.refundsFor(ctx.db, id)]);
      return { ...toStaffPaymentDto(row, testMode(row)), notifications: notifications.map(toNotificationDto), refunds: refunds.map(toRefundDto) };
    },
  };
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
