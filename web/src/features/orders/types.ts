import type { z } from 'zod';
import type {
  Address,
  CartDto,
  CheckoutDto,
  OrderDto,
  OrderStatus,
  OrderSummaryDto,
  cartLineDto,
  orderLineDto,
  shipmentsResultDto,
  staffOrderDto,
  staffOrderSummaryDto,
} from '@server/modules/orders/orders.schemas.ts';

export type { Address, OrderStatus };
export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'delivered', 'canceled', 'refunded'] as const satisfies readonly OrderStatus[];
export const ORDER_CHANNELS = ['store', 'festival'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
/** The most of one variant a cart line holds (the server's MAX_LINE_QUANTITY). */
export const MAX_LINE_QUANTITY = 99;

export type Cart = CartDto;
export type CartLine = z.infer<typeof cartLineDto>;
export type CartLineProblem = NonNullable<CartLine['problem']>;
export type Order = OrderDto;
export type OrderSummary = OrderSummaryDto;
export type OrderLine = z.infer<typeof orderLineDto>;
export type Checkout = CheckoutDto;
export type PaymentAction = Checkout['action'];
export type StaffOrder = z.infer<typeof staffOrderDto>;
export type StaffOrderSummary = z.infer<typeof staffOrderSummaryDto>;
export type ShipmentsResult = z.infer<typeof shipmentsResultDto>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CheckoutInput {
  address: Address;
  note: string;
  expectedTotalMinor?: number;
}

export interface AdminOrderListParams {
  status?: OrderStatus;
  channel?: OrderChannel;
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}
