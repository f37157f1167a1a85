import type { Ctx } from '../../core/context.ts';

/** What the fan does next to pay: open a page, or scan a code. */
export type PaymentAction = { kind: 'redirect'; url: string } | { kind: 'qr'; codeUrl: string };

export type NotificationEvent = 'paid' | 'failed' | 'canceled' | 'refunded';

/** A notification whose signature checked out, in the provider-neutral shape. */
export type VerifiedNotification = {
  /** The provider's id of this notification: applied at most once. */
  notificationId: string;
  providerPaymentId: string;
  event: NotificationEvent;
  /** What the provider says was paid (or refunded): checked against what was asked for. */
  amountMinor: number;
  currency: string;
  /** For `refunded`: our refund's id. */
  refundId?: string;
};

/**
 * One payment provider. Each checks its own notifications' signatures; the payments service does
 * the rest (storing them raw, applying each once, never moving a payment backwards).
 */
export interface PaymentProvider {
  readonly name: string;
  /** Payments that move no real money (the sandbox): labelled "test payments" wherever they show. */
  readonly testMode: boolean;
  createPayment(
    ctx: Ctx,
    payment: { paymentId: string; amountMinor: number; currency: string; description: string; returnUrl: string },
  ): Promise<{ providerPaymentId: string; action: PaymentAction }>;
  /** Throws AppError `payment.notification_invalid` (with the reason) when the notification is not genuine. */
  verifyNotification(notification: { headers: Record<string, string | undefined>; body: string; now: Date }): VerifiedNotification;
  refund(ctx: Ctx, refund: { refundId: string; paymentId: string; providerPaymentId: string; amountMinor: number; currency: string }): Promise<void>;
}
