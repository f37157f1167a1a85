import { requireFan, requireStaff } from '../../core/access.ts';
import { inTransaction, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { offsetOf, type Page } from '../../core/pagination.ts';
import type { FansService } from '../fans/fans.service.ts';
import type { PaymentsService } from '../payments/payments.service.ts';
import type { StockService } from '../store/stock.service.ts';
import type { TimelineService } from '../timeline/timeline.service.ts';
import type { WorkflowRunner } from '../../platform/workflows/workflows.service.ts';
import type { Workflow } from '../../platform/workflows/workflow-definition.ts';
import { paymentOf, type CheckoutRun } from './checkout.workflow.ts';
import type { OrderMoney } from './order-refunds.ts';
import { toOrderDto, toOrderSummaryDto } from './orders.dto.ts';
import type { OrderLineRow, OrderRow, OrdersRepository } from './orders.repository.ts';
import type { Address, CheckoutDto, CheckoutInput, OrderCancelReason, OrderDto, OrderStatus, OrderSummaryDto, RefundInput } from './orders.schemas.ts';

type AdminListQuery = { page: number; pageSize: number; status?: OrderStatus; channel?: 'store' | 'festival'; q?: string; from?: string; to?: string };
type CheckoutOutput = { orderId: string; action: CheckoutDto['action']; testMode: boolean };
const movesOf = (lines: OrderLineRow[]) => lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
const ref = (o: OrderRow) => ({ orderId: o.id, number: String(o.number) });
const DAY = 86_400_000;
/** Orders one expiry transaction cancels at most. */
const EXPIRY_BATCH = 2_000;

/**
 * What orders ask the festival (wired in src/container.ts): a canceled or expired festival order's
 * units go back — in the canceling transaction to the festival's durable counts (and to the store
 * once the festival settled), after commit to the gate, so they are on sale again.
 */
export type FestivalUnits = {
  giveBack(tx: Ctx, orders: { fanId: string; festivalItemId: string; quantity: number }[]): Promise<void>;
};

/** Festival orders among `canceled` with their units (one line each). */
function festivalUnitsOf(canceled: OrderRow[], lines: OrderLineRow[]) {
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.orderId, (units.get(l.orderId) ?? 0) + l.quantity);
  return canceled.flatMap((o) =>
    o.channel === 'festival' && o.festivalItemId ? [{ fanId: o.fanId, festivalItemId: o.festivalItemId, quantity: units.get(o.id) ?? 0 }] : [],
  );
}

/**
 * Orders: a fan checks out their cart (the `store.checkout` workflow), pays (again, after a
 * failed try, within the same window), or cancels while unpaid; staff ship, deliver, cancel and
 * refund. Every move is a conditional UPDATE from the status it leaves (409 `order.wrong_state`
 * with the status it found otherwise) and records the fan's activity in the same transaction.
 */
export function createOrdersService(deps: {
  repo: OrdersRepository;
  stock: StockService;
  payments: PaymentsService;
  timeline: TimelineService;
  fans: FansService;
  workflows: WorkflowRunner;
  checkout: Workflow<CheckoutRun, CheckoutOutput>;
  money: OrderMoney;
  festivalUnits: FestivalUnits;
}) {
  const { repo, stock, payments, timeline, fans, workflows } = deps;

  async function paymentStatus(ctx: Ctx, o: OrderRow): Promise<string | null> {
    if (!o.paymentId) return null;
    return (await payments.findById(ctx, o.paymentId))?.status ?? null;
  }
  async function dto(ctx: Ctx, o: OrderRow): Promise<OrderDto> {
    const [lines, status] = await Promise.all([repo.linesOf(ctx.db, [o.id]), paymentStatus(ctx, o)]);
    return toOrderDto(o, lines, status, ctx.now());
  }
  async function summaries(ctx: Ctx, rows: OrderRow[]): Promise<OrderSummaryDto[]> {
    const lines = await repo.linesOf(
      ctx.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      toOrderSummaryDto(
        r,
        lines.filter((l) => l.orderId === r.id),
      ),
    );
  }
  /** The fan's own order; another fan's is not found. */
  async function mine(ctx: Ctx, id: string): Promise<OrderRow> {
    const fanId = requireFan(ctx);
    const o = await repo.find(ctx.db, id);
    if (!o || o.fanId !== fanId) throw notFound('order.not_found');
    return o;
  }
  async function load(ctx: Ctx, id: string): Promise<OrderRow> {
    const o = await repo.find(ctx.db, id);
    if (!o) throw notFound('order.not_found');
    return o;
  }
  /** The move did not happen: say what the order is now. */
  async function wrongState(ctx: Ctx, id: string): Promise<never> {
    const now = await repo.find(ctx.db, id);
    throw new AppError('order.wrong_state', { status: now?.status ?? 'unknown' });
  }

  /** An unpaid order canceled (by its fan, staff, or the clock elsewhere): its units go back on sale. */
  async function cancel(ctx: Ctx, o: OrderRow, reason: OrderCancelReason): Promise<OrderRow> {
    return inTransaction(ctx, async (tx) => {
      const now = tx.now();
      const canceled = await repo.transition(tx.db, o.id, ['pending_payment'], { status: 'canceled', cancelReason: reason, canceledAt: now, updatedAt: now });
      if (!canceled) return wrongState(tx, o.id);
      const lines = await repo.linesOf(tx.db, [o.id]);
      // A festival order's units belong to the festival's quota, not to a checkout's hold.
      if (o.channel === 'festival') await deps.festivalUnits.giveBack(tx, festivalUnitsOf([canceled], lines));
      else await stock.release(tx, movesOf(lines));
      await timeline.record(tx, { fanId: o.fanId, kind: 'order_canceled', data: { ...ref(o), reason }, at: now });
      return canceled;
    });
  }

  /** One transaction of the expiry: up to EXPIRY_BATCH orders canceled, their units back. */
  async function expireBatch(ctx: Ctx, orderId?: string): Promise<number> {
    return inTransaction(ctx, async (tx) => {
      const expired = await repo.expireDue(tx.db, tx.now(), orderId, EXPIRY_BATCH);
      if (expired.length === 0) return 0;
      const lines = await repo.linesOf(
        tx.db,
        expired.map((o) => o.id),
      );
      // A festival order's units belong to the festival's quota, not to a checkout's hold.
      const store = new Set(expired.filter((o) => o.channel !== 'festival').map((o) => o.id));
      await stock.release(tx, movesOf(lines.filter((l) => store.has(l.orderId))));
      await deps.festivalUnits.giveBack(tx, festivalUnitsOf(expired, lines));
      await timeline.recordMany(
        tx,
        expired.map((o) => ({ fanId: o.fanId, kind: 'order_canceled' as const, data: { ...ref(o), reason: 'expired' }, at: tx.now() })),
      );
      return expired.length;
    });
  }

  return {
    /** Refusals (an empty cart, a problem, a changed total, stock gone) come back as the workflow's first step threw them. */
    async checkout(ctx: Ctx, input: CheckoutInput, key: string | null): Promise<CheckoutDto> {
      const fanId = requireFan(ctx);
      if (key === null) throw new AppError('idempotency.key_required');
      const out = await workflows.run(ctx, deps.checkout, { fanId, input, key }, { key });
      return { order: await dto(ctx, await load(ctx, out.orderId)), action: out.action, testMode: out.testMode };
    },

    /** A new payment for an unpaid order (after a failed or abandoned one), within the same deadline. */
    /** A (new) payment of an unpaid order; a festival order without an address needs one now (`address`). */
    async pay(ctx: Ctx, id: string, input: { address?: Address | undefined } = {}): Promise<CheckoutDto> {
      const o = await mine(ctx, id);
      if (o.status !== 'pending_payment') throw new AppError('order.wrong_state', { status: o.status });
      if (!o.paymentDeadline || o.paymentDeadline <= ctx.now()) throw new AppError('order.payment_window_over');
      const address = o.address ?? input.address;
      if (!address) throw new AppError('order.address_required');
      const { payment, action } = await payments.create(ctx, paymentOf(o));
      const updated = await repo.transition(ctx.db, o.id, ['pending_payment'], {
        paymentId: payment.id,
        updatedAt: ctx.now(),
        ...(o.address ? {} : { address }),
      });
      if (!updated) return wrongState(ctx, o.id);
      return { order: await dto(ctx, updated), action, testMode: payment.testMode };
    },

    async cancelMine(ctx: Ctx, id: string): Promise<OrderDto> {
      return dto(ctx, await cancel(ctx, await mine(ctx, id), 'fan'));
    },
    async getMine(ctx: Ctx, id: string): Promise<OrderDto> {
      return dto(ctx, await mine(ctx, id));
    },
    async listMine(ctx: Ctx, q: { page: number; pageSize: number }): Promise<Page<OrderSummaryDto>> {
      const fanId = requireFan(ctx);
      const { rows, total } = await repo.listByFan(ctx.db, fanId, { limit: q.pageSize, offset: offsetOf(q) });
      return { items: await summaries(ctx, rows), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * Unpaid orders past their deadline are canceled and their units released, each once
     * however often this runs (the job at each deadline, the sweeps: every 5 minutes, the festival's every minute). Answers how many.
     */
    async expireDue(ctx: Ctx, orderId?: string): Promise<number> {
      let total = 0;
      // A festival's thousands of unpaid orders expire in transactions of EXPIRY_BATCH each.
      for (;;) {
        const n = await expireBatch(ctx, orderId);
        total += n;
        if (orderId !== undefined || n < EXPIRY_BATCH) return total;
      }
    },

    // ——— Staff ———
    async list(ctx: Ctx, q: AdminListQuery) {
      requireStaff(ctx);
      const text = q.q?.trim();
      let number: number | undefined;
      let fanIds: string[] | undefined;
      if (text && /^\d{1,15}$/.test(text)) number = Number(text);
      else if (text) fanIds = (await fans.list(ctx, { q: text, page: 1, pageSize: 100 })).items.map((f) => f.id);
      const from = q.from ? new Date(`${q.from}T00:00:00Z`) : undefined;
      const to = q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : undefined;
      const { rows, total } = await repo.list(
        ctx.db,
        { status: q.status, channel: q.channel, number, fanIds, from, to },
        { limit: q.pageSize, offset: offsetOf(q) },
      );
      const [items, fanMap] = await Promise.all([
        summaries(ctx, rows),
        fans.getMany(
          ctx,
          rows.map((r) => r.fanId),
        ),
      ]);
      return {
        items: items.map((s, i) => ({ ...s, fan: fanRefOf(rows[i]!.fanId, fanMap) })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(ctx: Ctx, id: string) {
      requireStaff(ctx);
      const o = await load(ctx, id);
      const [base, fanMap, payment] = await Promise.all([
        dto(ctx, o),
        fans.getMany(ctx, [o.fanId]),
        o.paymentId ? payments.get(ctx, o.paymentId) : Promise.resolve(undefined),
      ]);
      return {
        ...base,
        fan: fanRefOf(o.fanId, fanMap),
        paymentId: o.paymentId,
        provider: payment?.provider ?? null,
        refunds: (payment?.refunds ?? []).map((r) => ({ amountMinor: r.amountMinor, reason: r.reason ?? '', status: r.status, at: r.createdAt })),
      };
    },

    async cancel(ctx: Ctx, id: string) {
      requireStaff(ctx);
      await cancel(ctx, await load(ctx, id), 'staff');
      return this.get(ctx, id);
    },

    /** Paid → shipped, answering nothing (the shipments file marks many). */
    async markShipped(ctx: Ctx, o: OrderRow, input: { carrier: string; trackingNumber: string }): Promise<void> {
      requireStaff(ctx);
      await shipOne(ctx, o, input);
    },

    /** Paid → shipped, with the carrier and tracking number the fan sees. */
    async ship(ctx: Ctx, id: string, input: { carrier: string; trackingNumber: string }) {
      requireStaff(ctx);
      await shipOne(ctx, await load(ctx, id), input);
      return this.get(ctx, id);
    },

    /** Refund in full or line by line (order-refunds.ts), answering the order as staff now see it. */
    async refund(ctx: Ctx, id: string, input: RefundInput) {
      await deps.money.refund(ctx, id, input);
      return this.get(ctx, id);
    },

    async deliver(ctx: Ctx, id: string) {
      requireStaff(ctx);
      const o = await load(ctx, id);
      await inTransaction(ctx, async (tx) => {
        const now = tx.now();
        const moved = await repo.transition(tx.db, o.id, ['shipped'], { status: 'delivered', deliveredAt: now, updatedAt: now });
        if (!moved) return wrongState(tx, o.id);
        await timeline.record(tx, { fanId: o.fanId, kind: 'order_delivered', data: ref(o), at: now });
      });
      return this.get(ctx, id);
    },
  };

  async function shipOne(ctx: Ctx, o: OrderRow, input: { carrier: string; trackingNumber: string }) {
    await inTransaction(ctx, async (tx) => {
      const now = tx.now();
      const moved = await repo.transition(tx.db, o.id, ['paid'], {
        status: 'shipped',
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedAt: now,
        updatedAt: now,
      });
      if (!moved) return wrongState(tx, o.id);
      await timeline.record(tx, { fanId: o.fanId, kind: 'order_shipped', data: { ...ref(o), ...input }, at: now });
    });
  }
}
export type OrdersService = ReturnType<typeof createOrdersService>;

function fanRefOf(id: string, fanMap: Map<string, { displayName: string; email: string | null }>) {
  const fan = fanMap.get(id);
  return { id, displayName: fan?.displayName ?? '', email: fan?.email ?? null };
}
