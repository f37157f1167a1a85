import { z } from 'zod';
import { INT8_SAFE_MAX, int4Field, int8Field } from '../../core/bounds.ts';
import { pageOf, pageQuery } from '../../core/pagination.ts';
import { paymentAction } from '../payments/payments.schemas.ts';

/**
 * The store's cart, checkout and orders: the API contract the fan site and the console are built
 * on. Routes (fan, signed in): GET /api/fan/cart, PUT|DELETE /api/fan/cart/lines/:variantId,
 * DELETE /api/fan/cart, POST /api/fan/checkout (Idempotency-Key header), GET /api/fan/orders,
 * GET /api/fan/orders/:id, POST /api/fan/orders/:id/pay, POST /api/fan/orders/:id/cancel.
 * Console (staff): GET /api/admin/orders, GET /api/admin/orders/:id, POST …/:id/ship,
 * …/:id/deliver, …/:id/cancel, …/:id/refund, POST /api/admin/orders/shipments (CSV).
 */

export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'delivered', 'canceled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Where an order was placed: the store's checkout, or a festival attempt. */
export const ORDER_CHANNELS = ['store', 'festival'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
/** Why an order was canceled: its payment window passed, the fan canceled it, or staff did. */
export const CANCEL_REASONS = ['expired', 'fan', 'staff'] as const;
export type OrderCancelReason = (typeof CANCEL_REASONS)[number];

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 50;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Where the order goes (mainland China style: one region line, one street line). */
export const addressBody = z.object({
  name: text(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number (digits, spaces, -, optional leading +)'),
  /** Province, city, district. */
  region: text(100),
  /** Street, building, room. */
  line: text(300),
  postcode: z.string().trim().max(20, 'must be at most 20 characters').default(''),
});
export type Address = z.infer<typeof addressBody>;

export const variantParam = z.object({ variantId: z.uuid('must be a valid id') });
export const cartLineBody = z.object({ quantity: int4Field(1, MAX_LINE_QUANTITY, `must be a whole number from 1 to ${MAX_LINE_QUANTITY}`) });

/** Paying an order: the address, when the order has none yet (a festival order). */
export const payBody = z.object({ address: addressBody.optional() });

export const checkoutBody = z.object({
  address: addressBody,
  note: z.string().trim().max(500, 'must be at most 500 characters').default(''),
  /**
   * The total the fan saw; when the cart now costs something else (a price or a membership
   * changed) checkout refuses with 409 `order.price_changed` and the fan sees the new total.
   */
  expectedTotalMinor: int8Field(0, INT8_SAFE_MAX, 'must be whole minor units').optional(),
});
export type CheckoutInput = z.infer<typeof checkoutBody>;

export const orderCancelBody = z.object({ note: z.string().trim().max(500, 'must be at most 500 characters').default('') });
export const shipBody = z.object({ carrier: text(60), trackingNumber: text(60) });
export const refundBody = z.object({
  /** Omitted: refund the whole order. Given: refund these quantities of these lines. */
  lines: z
    .array(z.object({ lineId: z.uuid('must be a valid id'), quantity: int4Field(1, MAX_LINE_QUANTITY, `must be from 1 to ${MAX_LINE_QUANTITY}`) }))
    .min(1, 'must name at least one line')
    .max(MAX_CART_LINES)
    .optional(),
  reason: z.string().trim().max(500, 'must be at most 500 characters').default(''),
});
export type RefundInput = z.infer<typeof refundBody>;
/** The CSV of tracking numbers: columns order_number, carrier, tracking_number (a header row). */
export const shipmentsBody = z.object({
  csv: z
    .string()
    .min(1, 'must not be empty')
    .max(256 * 1024, 'must be at most 256 KB'),
  /** Check every row and report, change nothing. */
  dryRun: z.boolean().default(false),
});

export const adminOrderListQuery = pageQuery.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  channel: z.enum(ORDER_CHANNELS).optional(),
  /** An order number, or part of the fan's email or name. */
  q: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const fanOrderListQuery = pageQuery;

// ---- responses ------------------------------------------------------------------------------

const image = z.object({ url: z.string(), alt: z.string() }).nullable();

/** Why a cart line cannot be bought as it is: gone or unpublished, not enough stock, another currency. */
export const CART_LINE_PROBLEMS = ['unavailable', 'short', 'currency'] as const;

export const cartLineDto = z.object({
  variantId: z.uuid(),
  productId: z.uuid(),
  productSlug: z.string(),
  productTitle: z.string(),
  variantName: z.string(),
  sku: z.string(),
  image,
  quantity: z.number().int(),
  /** Units a checkout could take now (stock less what checkouts hold). */
  available: z.number().int(),
  listPriceMinor: z.number().int(),
  /** What the fan pays per unit now: the member price when their tier has the store discount. */
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
  currency: z.string(),
  problem: z.enum(CART_LINE_PROBLEMS).nullable(),
});
export const cartDto = z.object({
  lines: z.array(cartLineDto),
  /** The cart's currency (its first line's); null when empty. */
  currency: z.string().nullable(),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  totalMinor: z.number().int(),
  /** The member discount applied, if any. */
  discount: z.object({ tierName: z.string(), percent: z.number().int() }).nullable(),
  /** Items in the cart (sum of quantities): the header's badge. */
  count: z.number().int(),
  /** True when no line has a problem and the cart is not empty. */
  canCheckout: z.boolean(),
});
export type CartDto = z.infer<typeof cartDto>;

export const orderLineDto = z.object({
  id: z.uuid(),
  variantId: z.uuid(),
  productSlug: z.string(),
  productTitle: z.string(),
  variantName: z.string(),
  sku: z.string(),
  image,
  quantity: z.number().int(),
  refundedQuantity: z.number().int(),
  listPriceMinor: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
});

/** One change of an order's status, oldest first: what the order page's steps show. */
export const orderStepDto = z.object({ status: z.enum(ORDER_STATUSES), at: z.iso.datetime() });

export const orderSummaryDto = z.object({
  id: z.uuid(),
  /** Shown to fans and staff, e.g. "100001": sequential, never reused. */
  number: z.string(),
  channel: z.enum(ORDER_CHANNELS),
  status: z.enum(ORDER_STATUSES),
  currency: z.string(),
  totalMinor: z.number().int(),
  refundedMinor: z.number().int(),
  /** Sum of line quantities. */
  items: z.number().int(),
  /** The first line's title and picture, for lists. */
  title: z.string(),
  image,
  /** Pay before this, or the order is canceled and its stock goes back (pending_payment only). */
  paymentDeadline: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type OrderSummaryDto = z.infer<typeof orderSummaryDto>;

export const orderDto = orderSummaryDto.extend({
  lines: z.array(orderLineDto),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  discount: z.object({ tierName: z.string(), percent: z.number().int() }).nullable(),
  /** Null on a festival order until the fan pays (they add it then). */
  address: addressBody.nullable(),
  note: z.string(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  /** The latest payment's status (null before one exists). */
  paymentStatus: z.string().nullable(),
  /** True while the order waits for payment and the fan may pay (again, after a failed try). */
  canPay: z.boolean(),
  /**
   * A payment came in after the order was canceled (its window had passed): it is refunded in
   * full, by itself, and the order stays canceled.
   */
  latePaymentRefunded: z.boolean(),
  steps: z.array(orderStepDto),
});
export type OrderDto = z.infer<typeof orderDto>;

const fanRef = z.object({ id: z.uuid(), displayName: z.string(), email: z.string().nullable() });
export const staffOrderSummaryDto = orderSummaryDto.extend({ fan: fanRef });
export const staffOrderDto = orderDto.extend({
  fan: fanRef,
  paymentId: z.uuid().nullable(),
  provider: z.string().nullable(),
  refunds: z.array(z.object({ amountMinor: z.number().int(), reason: z.string(), status: z.string(), at: z.iso.datetime() })),
});

export const fanOrderPage = pageOf(orderSummaryDto);
export const staffOrderPage = pageOf(staffOrderSummaryDto);

/** What checkout and "pay" answer: the order, and what the fan does next to pay. */
export const checkoutDto = z.object({ order: orderDto, action: paymentAction, testMode: z.boolean() });
export type CheckoutDto = z.infer<typeof checkoutDto>;

export const shipmentsResultDto = z.object({
  dryRun: z.boolean(),
  /** Rows that marked (or, in a dry run, would mark) an order shipped. */
  shipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), orderNumber: z.string(), code: z.string(), message: z.string() })),
});

/** One festival order as the writer makes it: one line at the festival price, no address until payment. */
export type FestivalOrderRow = {
  id: string;
  lineId: string;
  fanId: string;
  festivalItemId: string;
  idempotencyKey: string;
  currency: string;
  variantId: string;
  productId: string;
  productSlug: string;
  productTitle: string;
  variantName: string;
  sku: string;
  image: { url: string; alt: string } | null;
  quantity: number;
  listPriceMinor: number;
  unitPriceMinor: number;
  paymentDeadline: Date;
  at: Date;
};
