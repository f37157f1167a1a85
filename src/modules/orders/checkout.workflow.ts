import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { createStep, createWorkflow } from '../../platform/workflows/workflow-definition.ts';
import type { PaymentsService } from '../payments/payments.service.ts';
import type { StockService } from '../store/stock.service.ts';
import type { CartPricesService } from '../store/cart-prices.service.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import { priceCart } from './cart-pricing.ts';
import type { OrderRow, OrdersRepository } from './orders.repository.ts';
import type { CheckoutDto, CheckoutInput } from './orders.schemas.ts';

type PaymentAction = CheckoutDto['action'];

/** The job that cancels an order unpaid at its deadline (and the sweep that catches what a lost job left). */
export const ORDER_EXPIRE_JOB = 'order.expire';
export const ORDER_SWEEP_JOB = 'order.sweep';
export const ORDER_SWEEP_SCHEDULE = '*/5 * * * *';
/** A payment that came in for a canceled order is refunded in full by this job (tried again on failure). */
export const ORDER_LATE_REFUND_JOB = 'order.refund_late_payment';

/** How orders ask for background work (the job queue). */
export type OrderScheduler = {
  send(ctx: Ctx, name: string, data: { orderId?: string; paymentId?: string }, opts: { startAfter?: Date; singletonKey?: string }): Promise<unknown>;
};

export type CheckoutRun = { fanId: string; input: CheckoutInput; key: string };
type Placed = { orderId: string; number: string; fanId: string; totalMinor: number; currency: string; items: number };
type Paying = Placed & { paymentId: string; action: PaymentAction; testMode: boolean };

/** Payment link text and where the fan comes back to. */
export const paymentOf = (order: Pick<OrderRow, 'id' | 'number' | 'fanId' | 'totalMinor' | 'currency'>) => ({
  fanId: order.fanId,
  referenceType: 'order' as const,
  channel: 'store' as const,
  referenceId: order.id,
  description: `Order ${order.number}`,
  amountMinor: order.totalMinor,
  currency: order.currency,
  returnUrl: `/orders/${order.id}`,
});

/**
 * `store.checkout`: the fan's cart becomes an order. (1) In one transaction: the cart priced
 * now and checked, its units held (all or none), the order and its lines written, its expiry
 * scheduled; undone by canceling the order and giving the units back. (2) The payment asked of
 * the store's provider (nothing to undo: a payment never made is harmless, one made for a
 * canceled order is refunded). (3) The payment attached, the cart emptied, `order_placed`.
 */
export function createCheckoutWorkflow(deps: {
  repo: OrdersRepository;
  stock: StockService;
  prices: CartPricesService;
  payments: PaymentsService;
  timeline: TimelineService;
  scheduler?: OrderScheduler;
  paymentWindowMinutes: number;
}) {
  const { repo, stock, payments, timeline } = deps;

  const place = createStep<CheckoutRun, Placed>(
    'place-order',
    async (tx, { fanId, input, key }) => {
      const rows = await repo.cartOf(tx.db, fanId);
      if (rows.length === 0) throw new AppError('order.cart_empty');
      const { dto, lines } = await priceCart(tx, deps, rows);
      const problems = lines.filter((l) => l.problem !== null).length;
      if (problems > 0) throw new AppError('order.cart_has_problems', { lines: problems });
      if (input.expectedTotalMinor !== undefined && input.expectedTotalMinor !== dto.totalMinor)
        throw new AppError('order.price_changed', { totalMinor: dto.totalMinor, currency: dto.currency! });
      await stock.hold(
        tx,
        lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      );
      const now = tx.now();
      const deadline = new Date(now.getTime() + deps.paymentWindowMinutes * 60_000);
      let order: OrderRow;
      try {
        order = await repo.insertOrder(tx.db, {
          id: newId(),
          fanId,
          channel: 'store',
          currency: dto.currency!,
          subtotalMinor: dto.subtotalMinor,
          discountMinor: dto.discountMinor,
          totalMinor: dto.totalMinor,
          discountTierName: dto.discount?.tierName ?? null,
          discountPercent: dto.discount?.percent ?? null,
          address: input.address,
          note: input.note,
          paymentDeadline: deadline,
          idempotencyKey: key,
          createdAt: now,
          updatedAt: now,
        });
      } catch (err) {
        // The same checkout request already made its order (a retry after the key was let go).
        if (isUniqueViolation(err)) throw new AppError('idempotency.in_progress');
        throw err;
      }
      await repo.insertLines(
        tx.db,
        lines.map((l, position) => ({
          id: newId(),
          orderId: order.id,
          position,
          variantId: l.variantId,
          productId: l.productId,
          productSlug: l.productSlug,
          productTitle: l.productTitle,
          variantName: l.variantName,
          sku: l.sku,
          image: l.image,
          quantity: l.quantity,
          listPriceMinor: l.listPriceMinor,
          unitPriceMinor: l.unitPriceMinor,
          lineTotalMinor: l.lineTotalMinor,
        })),
      );
      await deps.scheduler?.send(tx, ORDER_EXPIRE_JOB, { orderId: order.id }, { startAfter: deadline, singletonKey: order.id });
      return { orderId: order.id, number: String(order.number), fanId, totalMinor: order.totalMinor, currency: order.currency, items: dto.count };
    },
    async (tx, placed) => {
      const canceled = await repo.transition(tx.db, placed.orderId, ['pending_payment'], { status: 'canceled', canceledAt: tx.now(), updatedAt: tx.now() });
      if (!canceled) return;
      const lines = await repo.linesOf(tx.db, [placed.orderId]);
      await stock.release(
        tx,
        lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      );
    },
    { transaction: true },
  );

  // No undo: a payment the fan never makes expires at the provider; one made for a canceled order is refunded.
  const pay = createStep<Placed, Paying>(
    'create-payment',
    async (ctx, placed) => {
      const order = { id: placed.orderId, number: Number(placed.number), fanId: placed.fanId, totalMinor: placed.totalMinor, currency: placed.currency };
      const { payment, action } = await payments.create(ctx, paymentOf(order));
      return { ...placed, paymentId: payment.id, action, testMode: payment.testMode };
    },
    undefined,
    { record: ({ action: _action, ...kept }) => kept },
  );

  const attach = createStep<Paying, Paying>(
    'attach-payment',
    async (tx, paying) => {
      await repo.update(tx.db, paying.orderId, { paymentId: paying.paymentId, updatedAt: tx.now() });
      const lines = await repo.linesOf(tx.db, [paying.orderId]);
      await repo.deleteCartLines(
        tx.db,
        paying.fanId,
        lines.map((l) => l.variantId),
      );
      await timeline.record(tx, {
        fanId: paying.fanId,
        kind: 'order_placed',
        data: { orderId: paying.orderId, number: paying.number, totalMinor: paying.totalMinor, currency: paying.currency, items: paying.items },
        at: tx.now(),
      });
      return paying;
    },
    undefined,
    { transaction: true, record: ({ action: _action, ...kept }) => kept },
  );

  return createWorkflow<CheckoutRun>('store.checkout').then(place).then(pay).then(attach);
}
