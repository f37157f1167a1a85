import { z } from 'zod';
import { AppError } from '../../../../core/errors.ts';
import type { VerifiedNotification } from '../../payment-provider.ts';
import type { WechatPayOptions } from './wechatpay-options.ts';
import { decryptResource } from './wechatpay-resource.ts';
import { refundIdOf } from './wechatpay-fields.ts';
import { signatureProblem } from './wechatpay-signature.ts';

const amount = z.number().int().nonnegative();

/** A notification as posted to notify_url: its resource is encrypted. */
const notificationBody = z.object({
  id: z.string().min(1).max(100),
  create_time: z.string().optional(),
  event_type: z.string().min(1),
  resource_type: z.string().optional(),
  summary: z.string().optional(),
  resource: z.object({
    original_type: z.string().optional(),
    algorithm: z.string(),
    ciphertext: z.string().min(1),
    nonce: z.string().min(1),
    associated_data: z.string().optional(),
  }),
});

/** The decrypted resource of TRANSACTION.SUCCESS (a transaction, as "query an order" answers it). */
const transaction = z.object({
  mchid: z.string(),
  out_trade_no: z.string().min(1).max(32),
  trade_state: z.string(),
  amount: z.object({ total: amount, currency: z.string() }),
});

/** The decrypted resource of REFUND.SUCCESS: amounts in fen, always CNY. */
const refund = z.object({
  mchid: z.string(),
  out_trade_no: z.string().min(1).max(32),
  out_refund_no: z.string().min(1).max(64),
  refund_status: z.string(),
  amount: z.object({ total: amount, refund: amount }),
});

/** A transaction's trade_state, as our event; the others (NOTPAY, USERPAYING, REFUND) are not for a notification. */
const TRADE_STATE_EVENTS = { SUCCESS: 'paid', PAYERROR: 'failed', CLOSED: 'canceled', REVOKED: 'canceled' } as const;

const invalid = (reason: string) => new AppError('payment.notification_invalid', { reason }, { message: `The notification is not genuine: ${reason}` });

function parse<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw invalid('body_malformed');
  }
}

/**
 * A WeChat Pay notification, verified (signature, serial, age; then the resource decrypted with
 * the APIv3 key, and for our merchant) and in the provider-neutral shape. Throws
 * `payment.notification_invalid` with the reason.
 */
export function verifyWechatPayNotification(
  options: Pick<WechatPayOptions, 'mchId' | 'apiV3Key' | 'verifyingKeys'>,
  notification: { headers: Record<string, string | undefined>; body: string; now: Date },
): VerifiedNotification {
  const { body, now } = notification;
  const headers = new Map(Object.entries(notification.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const problem = signatureProblem(options.verifyingKeys, (name) => headers.get(name), body, now);
  if (problem) throw invalid(problem);
  const n = parse(notificationBody, body);
  if (n.event_type !== 'TRANSACTION.SUCCESS' && n.event_type !== 'REFUND.SUCCESS') throw invalid('event_unsupported');
  let plaintext: string;
  try {
    plaintext = decryptResource(options.apiV3Key, n.resource);
  } catch {
    throw invalid('decrypt_failed');
  }

  if (n.event_type === 'TRANSACTION.SUCCESS') {
    const t = parse(transaction, plaintext);
    if (t.mchid !== options.mchId) throw invalid('merchant_mismatch');
    const event = Object.hasOwn(TRADE_STATE_EVENTS, t.trade_state) ? TRADE_STATE_EVENTS[t.trade_state as keyof typeof TRADE_STATE_EVENTS] : undefined;
    if (!event) throw invalid('event_unsupported');
    return { notificationId: n.id, providerPaymentId: t.out_trade_no, event, amountMinor: t.amount.total, currency: t.amount.currency };
  }
  const r = parse(refund, plaintext);
  if (r.mchid !== options.mchId) throw invalid('merchant_mismatch');
  if (r.refund_status !== 'SUCCESS') throw invalid('event_unsupported');
  const refundId = refundIdOf(r.out_refund_no);
  return {
    notificationId: n.id,
    providerPaymentId: r.out_trade_no,
    event: 'refunded',
    amountMinor: r.amount.refund,
    currency: 'CNY',
    ...(refundId ? { refundId } : {}),
  };
}
