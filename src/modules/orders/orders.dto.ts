import type { OrderLineRow, OrderRow } from './orders.repository.ts';
import type { OrderDto, OrderStatus, OrderSummaryDto } from './orders.schemas.ts';

const iso = (d: Date) => d.toISOString();

export const toOrderLineDto = (l: OrderLineRow) => ({
  id: l.id,
  variantId: l.variantId,
  productSlug: l.productSlug,
  productTitle: l.productTitle,
  variantName: l.variantName,
  sku: l.sku,
  image: l.image ?? null,
  quantity: l.quantity,
  refundedQuantity: l.refundedQuantity,
  listPriceMinor: l.listPriceMinor,
  unitPriceMinor: l.unitPriceMinor,
  lineTotalMinor: l.lineTotalMinor,
});

export function toOrderSummaryDto(o: OrderRow, lines: OrderLineRow[]): OrderSummaryDto {
  const first = lines[0];
  return {
    id: o.id,
    number: String(o.number),
    channel: o.channel,
    status: o.status,
    currency: o.currency,
    totalMinor: o.totalMinor,
    refundedMinor: o.refundedMinor,
    items: lines.reduce((n, l) => n + l.quantity, 0),
    title: first?.productTitle ?? '',
    image: first?.image ?? null,
    paymentDeadline: o.status === 'pending_payment' && o.paymentDeadline ? iso(o.paymentDeadline) : null,
    createdAt: iso(o.createdAt),
  };
}

/** The status changes the order went through, oldest first, from its timestamps. */
function stepsOf(o: OrderRow): { status: OrderStatus; at: string }[] {
  const steps: { status: OrderStatus; at: Date | null }[] = [
    { status: 'pending_payment', at: o.createdAt },
    { status: 'paid', at: o.paidAt },
    { status: 'shipped', at: o.shippedAt },
    { status: 'delivered', at: o.deliveredAt },
    { status: 'canceled', at: o.canceledAt },
    { status: 'refunded', at: o.refundedAt },
  ];
  return steps
    .filter((s): s is { status: OrderStatus; at: Date } => s.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((s) => ({ status: s.status, at: iso(s.at) }));
}

export function toOrderDto(o: OrderRow, lines: OrderLineRow[], paymentStatus: string | null, now: Date): OrderDto {
  return {
    ...toOrderSummaryDto(o, lines),
    lines: lines.map(toOrderLineDto),
    subtotalMinor: o.subtotalMinor,
    discountMinor: o.discountMinor,
    discount: o.discountTierName && o.discountPercent ? { tierName: o.discountTierName, percent: o.discountPercent } : null,
    address: o.address,
    note: o.note,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    cancelReason: o.cancelReason,
    paymentStatus,
    canPay: o.status === 'pending_payment' && o.paymentDeadline !== null && o.paymentDeadline > now && paymentStatus !== 'paid',
    latePaymentRefunded: o.latePaymentId !== null,
    steps: stepsOf(o),
  };
}
