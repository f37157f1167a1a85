import type { z } from 'zod';
import type { paymentDetailDto, staffPaymentDto } from '@server/modules/payments/payments.schemas.ts';

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'canceled', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment as staff see it in the list. */
export type Payment = z.infer<typeof staffPaymentDto>;
/** A payment with every notification its provider sent and its refunds. */
export type PaymentDetail = z.infer<typeof paymentDetailDto>;
export type PaymentProvider = { name: string; testMode: boolean; configured: boolean; default: boolean };
export type PaymentPage = { items: Payment[]; total: number; page: number; pageSize: number };
