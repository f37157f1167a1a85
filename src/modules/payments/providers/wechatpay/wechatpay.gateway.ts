import { z } from 'zod';
import { AppError } from '../../../../core/errors.ts';
import { providerFailureCode, type PaymentAction, type PaymentProvider } from '../../payment-provider.ts';
import { createWechatPayClient, WECHATPAY } from './wechatpay-client.ts';
import { outRefundNoOf, outTradeNoOf, truncateUtf8 } from './wechatpay-fields.ts';
import { verifyWechatPayNotification } from './wechatpay-notification.ts';
import type { WechatPayOptions } from './wechatpay-options.ts';
import { jsapiPaySign, newNonce, unixSeconds } from './wechatpay-signature.ts';

/**
 * Failures worth asking again (v3 error codes): no answer, WeChat Pay's own trouble, a rate limit.
 * Any other code is a refusal.
 */
const TRANSIENT_CODES = new Set(['network', 'SYSTEM_ERROR', 'FREQUENCY_LIMITED', 'BANK_ERROR']);

/** WeChat Pay v3 for a mainland merchant takes CNY only. */
const CURRENCY = 'CNY';

const nativeAnswer = z.object({ code_url: z.string().min(1) });
const jsapiAnswer = z.object({ prepay_id: z.string().min(1) });
const refundAnswer = z.object({ out_refund_no: z.string(), status: z.string() });

/**
 * WeChat Pay API v3 for a directly connected merchant (直连商户): Native (a QR code the fan scans)
 * and JSAPI (inside WeChat, with the fan's openid) payments, refunds, and the notifications of
 * both. A payment is WeChat's order `out_trade_no` = our payment id's 32 hex digits; a refund's
 * `out_refund_no` is our refund id's. Refunds count when REFUND.SUCCESS arrives.
 */
export function createWechatPayProvider(deps: WechatPayOptions & { publicBaseUrl: string; fetch?: typeof fetch }): PaymentProvider {
  const client = createWechatPayClient(deps, deps.fetch);
  const notifyUrl = `${deps.publicBaseUrl.replace(/\/+$/, '')}/api/payments/notifications/${WECHATPAY}`;

  return {
    name: WECHATPAY,
    testMode: false,
    recurring: false,
    async createPayment(ctx, payment) {
      const method = payment.method ?? 'native';
      if (method !== 'native' && method !== 'jsapi') throw new AppError('payment.method_unsupported', { provider: WECHATPAY, method });
      if (payment.recurring) throw new AppError('payment.method_unsupported', { provider: WECHATPAY, method: 'recurring' });
      if (payment.currency !== CURRENCY) throw new AppError('payment.currency_unsupported', { provider: WECHATPAY, currency: payment.currency });
      const outTradeNo = outTradeNoOf(payment.paymentId);
      const order = {
        appid: deps.appId,
        mchid: deps.mchId,
        description: truncateUtf8(payment.description),
        out_trade_no: outTradeNo,
        notify_url: notifyUrl,
        amount: { total: payment.amountMinor, currency: CURRENCY },
      };
      if (method === 'native') {
        const { code_url } = await client.post(ctx, '/v3/pay/transactions/native', order, nativeAnswer);
        return { providerPaymentId: outTradeNo, action: { kind: 'qr', codeUrl: code_url } };
      }
      const openId = payment.payer?.openId;
      if (!openId) throw new AppError('payment.payer_required', { provider: WECHATPAY, field: 'openId' });
      const { prepay_id } = await client.post(ctx, '/v3/pay/transactions/jsapi', { ...order, payer: { openid: openId } }, jsapiAnswer);
      const params = { appId: deps.appId, timeStamp: unixSeconds(ctx.now()), nonceStr: newNonce(), package: `prepay_id=${prepay_id}` };
      const action: PaymentAction = { kind: 'jsapi', params: { ...params, signType: 'RSA', paySign: jsapiPaySign(deps.merchantPrivateKey, params) } };
      return { providerPaymentId: outTradeNo, action };
    },
    verifyNotification: (notification) => verifyWechatPayNotification(deps, notification),
    async refund(ctx, refund) {
      const answer = await client.post(
        ctx,
        '/v3/refund/domestic/refunds',
        {
          out_trade_no: refund.providerPaymentId,
          out_refund_no: outRefundNoOf(refund.refundId),
          notify_url: notifyUrl,
          amount: { refund: refund.amountMinor, total: refund.totalMinor, currency: refund.currency },
        },
        refundAnswer,
      );
      // SUCCESS or PROCESSING: REFUND.SUCCESS follows. CLOSED or ABNORMAL: staff settle it in the merchant platform.
      if (answer.status === 'CLOSED' || answer.status === 'ABNORMAL')
        ctx.log.warn({ refundId: refund.refundId, status: answer.status }, 'WeChat Pay did not take the refund; see the merchant platform');
    },
    isTransient: (err) => {
      const code = providerFailureCode(err);
      return code !== undefined && (TRANSIENT_CODES.has(code) || /^http_5\d\d$/.test(code));
    },
  };
}
