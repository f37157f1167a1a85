import type { z } from 'zod';
import type { paymentDetailDto, staffPaymentDto } from '@server/modules/payments/payments.schemas.ts';
import type { paymentSettingsDto, providerSettingDto, saleChannelDto } from '@server/modules/payments/sale-channels.schemas.ts';

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'canceled', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment as staff see it in the list. */
export type Payment = z.infer<typeof staffPaymentDto>;
/** A payment with every notification its provider sent and its refunds. */
export type PaymentDetail = z.infer<typeof paymentDetailDto>;
/** Every provider (configured or not) and the provider each channel of sale pays through. */
export type PaymentSettings = z.infer<typeof paymentSettingsDto>;
export type ProviderSetting = z.infer<typeof providerSettingDto>;
export type ProviderName = ProviderSetting['name'];
export type SaleChannelSetting = z.infer<typeof saleChannelDto>;
export type SaleChannel = SaleChannelSetting['channel'];
export type PaymentPage = { items: Payment[]; total: number; page: number; pageSize: number };
