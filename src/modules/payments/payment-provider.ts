import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';

/**
 * What the fan does next to pay: open a page, scan a code (WeChat Pay Native), or hand these
 * signed parameters to the WeChat in-app browser's `WeixinJSBridge.invoke('getBrandWCPayRequest')`
 * (WeChat Pay JSAPI).
 */
export type PaymentAction =
  | { kind: 'redirect'; url: string }
  | { kind: 'qr'; codeUrl: string }
  | { kind: 'jsapi'; params: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string } };

/**
 * - `paid`, `failed`, `canceled`: the payment asked for.
 * - `refunded`: one of our refunds went through (`refundId`).
 * - `renewed`: an auto-renewing payment (`recurring` at creation) charged its next period by
 *   itself (Stripe `invoice.paid` for a subscription cycle): `subscriptionId` says whose,
 *   `chargeId` is the provider's id of this period's charge (each is booked once).
 */
export type NotificationEvent = 'paid' | 'failed' | 'canceled' | 'refunded' | 'renewed';

/** A notification whose signature checked out, in the provider-neutral shape. */
export type VerifiedNotification = {
  /** The provider's id of this notification: applied at most once. */
  notificationId: string;
  /** The payment it is about (for `renewed`: the first payment of the subscription, when the provider knows it). */
  providerPaymentId: string;
  event: NotificationEvent;
  /** What the provider says was paid (or refunded): checked against what was asked for. */
  amountMinor: number;
  currency: string;
  /** For `refunded`: our refund's id. */
  refundId?: string;
  /** For a recurring payment's `paid` and every `renewed`: the provider's subscription id. */
  subscriptionId?: string;
  /** For `renewed`: the provider's id of this period's charge (invoice). */
  chargeId?: string;
  /** For `renewed` (and a recurring `paid` when known): the end of the period this charge pays for. */
  periodEnd?: Date;
};

/**
 * A genuine notification that asks nothing of any payment (an event type Fanbase does not use, or
 * one another notification already covers): stored with outcome `ignored` and answered 200, so
 * the provider stops sending it.
 */
export type IgnoredNotification = {
  notificationId: string;
  /** Why it changes nothing, for staff reading the stored notification. */
  ignored: string;
};

export const isIgnored = (n: VerifiedNotification | IgnoredNotification): n is IgnoredNotification => 'ignored' in n;

export type NewProviderPayment = {
  paymentId: string;
  amountMinor: number;
  currency: string;
  description: string;
  /** Absolute URL the fan comes back to after paying. */
  returnUrl: string;
  /** How the fan pays where a provider offers several (WeChat Pay: `native` QR code or `jsapi` inside WeChat). */
  method?: 'redirect' | 'native' | 'jsapi';
  /** Who pays, where the provider needs it (WeChat Pay JSAPI: the fan's openid for the app). */
  payer?: { openId?: string; email?: string };
  /** Renew by itself every interval until canceled (Stripe subscription, the sandbox's imitation). */
  recurring?: { interval: 'month' | 'year' };
};

/**
 * One payment provider. Each checks its own notifications' signatures; the payments service does
 * the rest (storing them raw, applying each once, never moving a payment backwards).
 */
export interface PaymentProvider {
  readonly name: string;
  /** Payments that move no real money (the sandbox): labelled "test payments" wherever they show. */
  readonly testMode: boolean;
  /** Whether `recurring` payments are offered. */
  readonly recurring: boolean;
  createPayment(ctx: Ctx, payment: NewProviderPayment): Promise<{ providerPaymentId: string; action: PaymentAction }>;
  /** Throws AppError `payment.notification_invalid` (with the reason) when the notification is not genuine. */
  verifyNotification(notification: { headers: Record<string, string | undefined>; body: string; now: Date }): VerifiedNotification | IgnoredNotification;
  /**
   * `totalMinor` is the whole payment's amount (WeChat Pay asks for it with every refund). Asking
   * again with the same `refundId` must not refund twice (it is the provider's idempotency key).
   */
  refund(
    ctx: Ctx,
    refund: { refundId: string; paymentId: string; providerPaymentId: string; amountMinor: number; totalMinor: number; currency: string },
  ): Promise<void>;
  /** Stops a recurring payment from renewing again (the current period stays paid). */
  cancelRecurring?(ctx: Ctx, subscription: { subscriptionId: string }): Promise<void>;
  /**
   * Whether a call that threw may go through if asked again later (no answer, a timeout, the
   * provider's own error or rate limit) rather than being a refusal. Absent: never.
   */
  isTransient?(err: unknown): boolean;
}

/** A provider's `payment.provider_failed` code, if that is what `err` is. */
export const providerFailureCode = (err: unknown): string | undefined =>
  err instanceof AppError && err.code === 'payment.provider_failed' ? String((err.params as { code?: unknown }).code) : undefined;
