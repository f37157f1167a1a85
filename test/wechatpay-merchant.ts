import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { parseConfig } from '../src/config/env.ts';
import { wechatPayOptionsFromEnv, type WechatPayOptions } from '../src/modules/payments/providers/wechatpay/wechatpay-options.ts';
import { startFakeWechatPay, wechatPayNotification, type FakeWechatPay, type WechatPaySigner } from './wechatpay-server.ts';

/**
 * A WeChat Pay merchant configured the way an operator does it (the WECHATPAY_ variables, parsed
 * and read), talking to the local stand-in: for specs that take payments through WeChat Pay
 * without testing the provider itself. Started before the test app is built (register it first
 * and read `options()` in the container options' getter).
 */
export function useWechatPayMerchant() {
  const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
  const merchant = rsa();
  const wechatPayKey = rsa();
  const signer: WechatPaySigner = { serial: 'PUB_KEY_ID_0119000001092026120200000000000002', key: wechatPayKey.privateKey };
  const apiV3Key = randomBytes(16).toString('hex');
  const ids = { mchId: '1900000109', appId: 'wx8888888888888888', serialNo: '3775B6A45ACD588826D15E583A95F5DD0DB4B8E4' };
  let server: FakeWechatPay | undefined;
  let options: WechatPayOptions | undefined;
  beforeAll(async () => {
    server = await startFakeWechatPay({ merchant: { ...ids, publicKey: merchant.publicKey }, publicKeySigner: signer, certificateSigner: signer });
    options = wechatPayOptionsFromEnv(
      parseConfig({
        WECHATPAY_MCHID: ids.mchId,
        WECHATPAY_APPID: ids.appId,
        WECHATPAY_SERIAL_NO: ids.serialNo,
        WECHATPAY_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        WECHATPAY_API_V3_KEY: apiV3Key,
        WECHATPAY_PUBLIC_KEY: wechatPayKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        WECHATPAY_PUBLIC_KEY_ID: signer.serial,
        WECHATPAY_API_BASE: server.url,
      }).wechatpay,
    );
  });
  afterAll(() => server?.close());
  return {
    options: (): WechatPayOptions => options!,
    /** Every request WeChat Pay accepted, in order. */
    requests: () => server!.requests,
    /** TRANSACTION.SUCCESS for one of our payments, as WeChat Pay posts it to notify_url. */
    paid(paymentId: string, amountMinor: number) {
      const resource = {
        appid: ids.appId,
        mchid: ids.mchId,
        out_trade_no: paymentId.replaceAll('-', ''),
        transaction_id: `42000012342026120${randomBytes(5).toString('hex')}`,
        trade_type: 'NATIVE',
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        bank_type: 'OTHERS',
        attach: '',
        success_time: '2026-12-02T14:00:00+08:00',
        payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
        amount: { total: amountMinor, payer_total: amountMinor, currency: 'CNY', payer_currency: 'CNY' },
      };
      return wechatPayNotification({
        id: `EV-${randomBytes(10).toString('hex')}`,
        eventType: 'TRANSACTION.SUCCESS',
        resource,
        apiV3Key: Buffer.from(apiV3Key),
        signer,
      });
    },
  };
}
