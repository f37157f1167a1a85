import { z } from 'zod';
import { requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { PaymentsService, SettledEvent } from '../payments/payments.service.ts';
import type { StockService } from '../store/stock.service.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import { ORDER_LATE_REFUND_JOB, type OrderScheduler } from './checkout.workflow.ts';
import type { OrderLineRow, OrderRow, OrdersRepository } from './orders.repository.ts';
import type { OrderStatus, RefundInput } from './orders.schemas.ts';

const orderId = z.uuid();
const ref = (o: OrderRow) => ({ orderId: o.id, number: String(o.number) });
const REFUNDABLE: OrderStatus[] = ['paid', 'shipped', 'delivered'];

/**
 * What money does to orders: a payment settling marks its order paid (and sells the held
 * units), or, when the order was canceled first, is refunded in full by a job; staff refund
 * an order in full or line by line through the payments module (the ledger books it when the
 * provider confirms).
 */
export function createOrderMoney(deps: {
  repo: OrdersRepository;
  stock: StockService;
  payments: PaymentsService;
  timeline: TimelineService;
  scheduler?: OrderScheduler;
}) {
  const { repo, stock, payments, timeline } = deps;

  /** The payments module's settled hook for `order` payments, in the transaction that records the payment's change. */
  async function onPayment(tx: Ctx, event: SettledEvent): Promise<void> {
    if (event.kind !== 'paid' || !orderId.safeParse(event.payment.referenceId).success) return;
    const o = await repo.lock(tx.db, event.payment.referenceId);
    if (!o) return;
    const now = tx.now();
    if (o.status === 'pending_payment') {
      await repo.update(tx.db, o.id, { status: 'paid', paidAt: now, paymentId: event.payment.id, updatedAt: now });
      const lines = await repo.linesOf(tx.db, [o.id]);
      await stock.sell(
        tx,
        lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      );
      await timeline.record(tx, { fanId: o.fanId, kind: 'order_paid', data: { ...ref(o), totalMinor: o.totalMinor, currency: o.currency }, at: now });
      return;
    }
    if (o.paymentId === event.payment.id && o.status !== 'canceled') return;
    // Canceled (or expired) before the money came, or paid twice: this payment goes back in full.
    if (o.status === 'canceled') await repo.update(tx.db, o.id, { latePaymentId: event.payment.id, updatedAt: now });
    await deps.scheduler?.send(tx, ORDER_LATE_REFUND_JOB, { paymentId: event.payment.id }, { singletonKey: event.payment.id });
    tx.log.warn({ orderId: o.id, paymentId: event.payment.id, status: o.status }, 'a payment came in for an order that no longer waits for one; refunding it');
  }

  return {
    onPayment,

    /** The late payment's refund job: asks for the whole payment back (once; a refund already asked for is left alone). */
    async refundLatePayment(ctx: Ctx, paymentId: string): Promise<void> {
      const payment = await payments.findById(ctx, paymentId);
      if (!payment || (payment.status !== 'paid' && payment.status !== 'partially_refunded')) return;
      try {
        await payments.refund(ctx, paymentId, { all: true, reason: 'The order was canceled before this payment arrived' });
      } catch (err) {
        // Everything is refunded or asked for already: nothing left to do.
        if (err instanceof AppError && err.code === 'payment.refund_exceeds') return;
        throw err;
      }
    },

    /**
     * Staff refund a paid, shipped or delivered order: in full (what is left), or these units of
     * these lines at the price paid. The lines are marked first (so two refunds cannot take the
     * same units), then the payment's provider is asked; a refusal puts the marks back.
     */
    async refund(ctx: Ctx, id: string, input: RefundInput): Promise<void> {
      requireStaff(ctx);
      const taken = await inTransaction(ctx, async (tx) => {
        const o = await repo.lock(tx.db, id);
        if (!o) throw notFound('order.not_found');
        if (!REFUNDABLE.includes(o.status) || !o.paymentId) throw new AppError('order.wrong_state', { status: o.status });
        const lines = await repo.linesOf(tx.db, [o.id]);
        const wanted = refundedUnits(lines, input);
        let amountMinor = wanted.reduce((n, w) => n + w.line.unitPriceMinor * w.quantity, 0);
        // In full: what is left of the total (the member discount is already in the unit prices).
        if (!input.lines) amountMinor = o.totalMinor - o.refundedMinor;
        if (wanted.length === 0 || amountMinor <= 0) throw new AppError('order.nothing_to_refund');
        amountMinor = Math.min(amountMinor, o.totalMinor - o.refundedMinor);
        for (const w of wanted) {
          if (!(await repo.refundLine(tx.db, w.line.id, w.quantity))) throw new AppError('order.refund_exceeds', { sku: w.line.sku, refundable: 0 });
        }
        const all = lines.every((l) => l.refundedQuantity + (wanted.find((w) => w.line.id === l.id)?.quantity ?? 0) >= l.quantity);
        const now = tx.now();
        await repo.update(tx.db, o.id, {
          refundedMinor: o.refundedMinor + amountMinor,
          ...(all ? { status: 'refunded' as const, refundedAt: now } : {}),
          updatedAt: now,
        });
        return { order: o, wanted, amountMinor };
      });
      const { order, wanted, amountMinor } = taken;
      try {
        await payments.refund(ctx, order.paymentId!, { amountMinor, reason: input.reason });
      } catch (err) {
        await inTransaction(ctx, async (tx) => {
          for (const w of wanted) await repo.unrefundLine(tx.db, w.line.id, w.quantity);
          await repo.update(tx.db, order.id, { status: order.status, refundedAt: order.refundedAt, refundedMinor: order.refundedMinor, updatedAt: tx.now() });
        });
        throw err;
      }
      await timeline.record(ctx, { fanId: order.fanId, kind: 'order_refunded', data: { ...ref(order), amountMinor, currency: order.currency }, at: ctx.now() });
    },
  };
}
export type OrderMoney = ReturnType<typeof createOrderMoney>;

/** The units a refund takes from each line: what is left of every line, or what was asked (checked against what is left). */
function refundedUnits(lines: OrderLineRow[], input: RefundInput): { line: OrderLineRow; quantity: number }[] {
  if (!input.lines) return lines.filter((l) => l.quantity > l.refundedQuantity).map((line) => ({ line, quantity: line.quantity - line.refundedQuantity }));
  const asked = new Map<string, number>();
  for (const l of input.lines) asked.set(l.lineId, (asked.get(l.lineId) ?? 0) + l.quantity);
  return [...asked].map(([lineId, quantity]) => {
    const line = lines.find((l) => l.id === lineId);
    if (!line) throw new AppError('order.line_not_found', { lineId });
    const left = line.quantity - line.refundedQuantity;
    if (quantity > left) throw new AppError('order.refund_exceeds', { sku: line.sku, refundable: left });
    return { line, quantity };
  });
}
