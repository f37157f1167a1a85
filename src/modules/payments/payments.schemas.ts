import { z } from 'zod';
import { INT8_SAFE_MAX, int8Field } from '../../core/bounds.ts';
import { pageQuery } from '../../core/pagination.ts';
import type { NotificationRow, PaymentRow, RefundRow } from './payments.repository.ts';
import { NOTIFICATION_OUTCOMES, PAYMENT_STATUSES, REFUND_STATUSES } from './payments.table.ts';

export const paymentAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('redirect'), url: z.string() }),
  z.object({ kind: z.literal('qr'), codeUrl: z.string() }),
  z.object({
    kind: z.literal('jsapi'),
    params: z.object({ appId: z.string(), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }),
  }),
]);

export const paymentDto = z.object({
  id: z.uuid(),
  referenceType: z.string(),
  referenceId: z.string(),
  description: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  provider: z.string(),
  testMode: z.boolean(),
  status: z.enum(PAYMENT_STATUSES),
  refundedMinor: z.number().int(),
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
});
export type PaymentDto = z.infer<typeof paymentDto>;

export const staffPaymentDto = paymentDto.extend({ fanId: z.uuid(), mismatchAt: z.iso.datetime().nullable() });
export const notificationDto = z.object({
  id: z.string(),
  notificationId: z.string().nullable(),
  event: z.string().nullable(),
  verified: z.boolean(),
  outcome: z.enum(NOTIFICATION_OUTCOMES),
  error: z.string().nullable(),
  receivedAt: z.iso.datetime(),
});
export const refundDto = z.object({
  id: z.uuid(),
  amountMinor: z.number().int(),
  reason: z.string().nullable(),
  status: z.enum(REFUND_STATUSES),
  createdAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable(),
  /** How many times the provider was asked; a call it did not answer is asked again later. */
  attempts: z.number().int(),
  /** Why the provider has not taken it (while it is asked again, or why it failed). */
  lastError: z.string().nullable(),
});
export const paymentDetailDto = staffPaymentDto.extend({ notifications: z.array(notificationDto), refunds: z.array(refundDto) });

export const paymentListQuery = pageQuery.extend({ status: z.enum(PAYMENT_STATUSES).optional() });
export type PaymentListQuery = z.infer<typeof paymentListQuery>;

export const refundBody = z.object({
  amountMinor: int8Field(1, INT8_SAFE_MAX, 'must be whole minor units (fen)'),
  reason: z.string().trim().max(500).optional(),
});
export type RefundInput = z.infer<typeof refundBody>;

export const toPaymentDto = (row: PaymentRow, testMode: boolean): PaymentDto => ({
  id: row.id,
  referenceType: row.referenceType,
  referenceId: row.referenceId,
  description: row.description,
  amountMinor: row.amountMinor,
  currency: row.currency,
  provider: row.provider,
  testMode,
  status: row.status,
  refundedMinor: row.refundedMinor,
  createdAt: row.createdAt.toISOString(),
  paidAt: row.paidAt?.toISOString() ?? null,
});
export const toStaffPaymentDto = (row: PaymentRow, testMode: boolean) => ({
  ...toPaymentDto(row, testMode),
  fanId: row.fanId,
  mismatchAt: row.mismatchAt?.toISOString() ?? null,
});
export const toNotificationDto = (row: NotificationRow) => ({
  id: row.id.toString(),
  notificationId: row.notificationId,
  event: row.event,
  verified: row.verified,
  outcome: row.outcome,
  error: row.error,
  receivedAt: row.receivedAt.toISOString(),
});
export const toRefundDto = (row: RefundRow) => ({
  id: row.id,
  amountMinor: row.amountMinor,
  reason: row.reason,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  settledAt: row.settledAt?.toISOString() ?? null,
  attempts: row.attempts,
  lastError: row.lastError,
});
