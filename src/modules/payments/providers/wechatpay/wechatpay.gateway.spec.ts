import { generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE_URL, useTestApp } from '../../../../../test/app.ts';
import { createOwner, signupFan } from '../../../../../test/factories.ts';
import {
  platformCertificate,
  startFakeWechatPay,
  wechatPayNotification,
  wechatPaySignatureHeaders,
  type FakeWechatPay,
  type WechatPaySigner,
} from '../../../../../test/wechatpay-server.ts';
import { parseConfig } from '../../../../config/env.ts';
import type { ContainerOptions } from '../../../../container.ts';
import type { NewPayment } from '../../payments.service.ts';
import { wechatPayOptionsFromEnv, type WechatPayOptions } from './wechatpay-options.ts';
import { createWechatPayProvider } from './wechatpay.gateway.ts';

const MCHID = '1900000109';
const APPID = 'wx8888888888888888';
const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD0DB4B8E4';
const PUBLIC_KEY_ID = 'PUB_KEY_ID_0119000001092026120200000000000001';
const CERT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const API_V3_KEY = randomBytes(16).toString('hex');
const NOTIFY_URL = `${TEST_BASE_URL}/api/payments/notifications/wechatpay`;
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe('WeChat Pay API v3 against a local server answering the documented shapes', () => {
  const merchant = rsa();
  const wechatPayKey = rsa();
  const stranger = rsa();
  /** The 微信支付公钥 signer; `certificate` is the platform certificate's (both configured, as while WeChat moves a merchant). */
  const publicKeySigner: WechatPaySigner = { serial: PUBLIC_KEY_ID, key: wechatPayKey.privateKey };
  let certificateSigner: WechatPaySigner;
  let wx: FakeWechatPay;
  let options: WechatPayOptions;
  const container: Partial<ContainerOptions> = {};

  beforeAll(async () => {
    const cert = platformCertificate(CERT_SERIAL);
    certificateSigner = { serial: CERT_SERIAL, key: cert.privateKey };
    wx = await startFakeWechatPay({
      merchant: { mchId: MCHID, appId: APPID, serialNo: MERCHANT_SERIAL, publicKey: merchant.publicKey },
      publicKeySigner,
      certificateSigner,
    });
    // Configured the way an operator does it: the variables, parsed and read.
    options = wechatPayOptionsFromEnv(
      parseConfig({
        WECHATPAY_MCHID: MCHID,
        WECHATPAY_APPID: APPID,
        WECHATPAY_SERIAL_NO: MERCHANT_SERIAL,
        WECHATPAY_PRIVATE_KEY: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        WECHATPAY_API_V3_KEY: API_V3_KEY,
        WECHATPAY_PUBLIC_KEY: wechatPayKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        WECHATPAY_PUBLIC_KEY_ID: PUBLIC_KEY_ID,
        WECHATPAY_PLATFORM_CERT: cert.certPem,
        WECHATPAY_API_BASE: wx.url,
      }).wechatpay,
    )!;
    container.wechatpay = options;
  });
  afterAll(() => wx?.close());
  const t = useTestApp({}, { container });

  const system = () => t.container.ctx({ kind: 'system' });
  async function newPayment(over: Partial<NewPayment> = {}) {
    const fan = await signupFan(t.app);
    return t.container.services.payments.create(system(), {
      fanId: fan.fan.id,
      referenceType: 'membership',
      referenceId: `ref-${fan.fan.id}`,
      description: 'Gold membership, 1 month',
      amountMinor: 1_990,
      currency: 'CNY',
      returnUrl: '/membership',
      provider: 'wechatpay',
      ...over,
    });
  }
  const outTradeNo = (id: string) => id.replaceAll('-', '');
  const status = async (id: string) => (await t.container.services.payments.findById(system(), id))!.status;
  const ledgerBalance = async () =>
    rows<{ account: string; total: string }>(
      await t.database.db.execute(sql`select account, sum(amount_minor)::text as total from ledger_entries group by account order by account`),
    ).map((r) => [r.account, Number(r.total)]);
  const newEventId = () => `EV-${randomBytes(10).toString('hex')}`;

  /** A decrypted transaction as TRANSACTION.SUCCESS carries it. */
  const transaction = (paymentId: string, over: Record<string, unknown> = {}) => ({
    appid: APPID,
    mchid: MCHID,
    out_trade_no: outTradeNo(paymentId),
    transaction_id: '4200001234202612020000000001',
    trade_type: 'NATIVE',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: '2026-12-02T14:00:00+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: 1_990, payer_total: 1_990, currency: 'CNY', payer_currency: 'CNY' },
    ...over,
  });
  const paid = (paymentId: string, over: Record<string, unknown> = {}, signer = publicKeySigner, id = newEventId()) =>
    wechatPayNotification({ id, eventType: 'TRANSACTION.SUCCESS', resource: transaction(paymentId, over), apiV3Key: Buffer.from(API_V3_KEY), signer });
  const notify = (n: { body: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', url: '/api/payments/notifications/wechatpay', headers: n.headers, payload: n.body });

  it('asks for a Native payment with a request WeChat Pay accepts, and gives the fan its QR code', async () => {
    const before = wx.requests.length;
    const description = `粉丝会员${'会'.repeat(60)}`; // 192 bytes of UTF-8
    const { payment, action } = await newPayment({ description });
    expect(payment).toMatchObject({ status: 'pending', testMode: false, provider: 'wechatpay' });
    expect(action).toEqual({ kind: 'qr', codeUrl: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/) });
    expect(wx.refused).toEqual([]);
    const [request] = wx.requests.slice(before);
    expect(request).toMatchObject({ method: 'POST', path: '/v3/pay/transactions/native' });
    expect(request!.body).toEqual({
      appid: APPID,
      mchid: MCHID,
      description: expect.any(String),
      out_trade_no: outTradeNo(payment.id),
      notify_url: NOTIFY_URL,
      amount: { total: 1_990, currency: 'CNY' },
    });
    // Cut to WeChat's 127 bytes on a character boundary.
    const sent = request!.body.description as string;
    expect(Buffer.byteLength(sent)).toBe(126);
    expect(description.startsWith(sent)).toBe(true);
    // The 微信支付公钥 is named, so that WeChat Pay signs its answer with it.
    expect(request!.headers['wechatpay-serial']).toBe(PUBLIC_KEY_ID);
    expect(request!.headers['user-agent']).toBeTruthy();
  });

  it('gives a JSAPI payment the parameters WeixinJSBridge takes, their paySign made with the merchant key', async () => {
    const before = wx.requests.length;
    const { payment, action } = await newPayment({ method: 'jsapi', payer: { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } });
    const [request] = wx.requests.slice(before);
    expect(request).toMatchObject({
      path: '/v3/pay/transactions/jsapi',
      body: { out_trade_no: outTradeNo(payment.id), payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } },
    });
    if (action.kind !== 'jsapi') throw new Error(`got a ${action.kind} action`);
    const { params } = action;
    expect(params).toMatchObject({ appId: APPID, signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx[0-9a-f]+$/) });
    expect(params.timeStamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(params.timeStamp) - Date.now() / 1000)).toBeLessThan(300);
    expect(params.nonceStr.length).toBeLessThanOrEqual(32);
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
    expect(verify('sha256', Buffer.from(message), merchant.publicKey, Buffer.from(params.paySign, 'base64'))).toBe(true);
    expect(verify('sha256', Buffer.from(message.replace(APPID, 'wx0000000000000000')), merchant.publicKey, Buffer.from(params.paySign, 'base64'))).toBe(false);
  });

  it('refuses what WeChat Pay cannot do before asking it: JSAPI without an openid, another currency, a hosted page', async () => {
    const before = wx.requests.length;
    await expect(newPayment({ method: 'jsapi' })).rejects.toMatchObject({ code: 'payment.payer_required', params: { provider: 'wechatpay', field: 'openId' } });
    await expect(newPayment({ currency: 'USD' })).rejects.toMatchObject({ code: 'payment.currency_unsupported', params: { currency: 'USD' } });
    await expect(newPayment({ method: 'redirect' })).rejects.toMatchObject({ code: 'payment.method_unsupported', params: { method: 'redirect' } });
    expect(wx.requests.length).toBe(before);
    expect(rows(await t.database.db.execute(sql`select id from payments`))).toEqual([]);
  });

  it('marks a payment paid once on its encrypted, signed TRANSACTION.SUCCESS and books it; a replay is a duplicate', async () => {
    const { payment } = await newPayment();
    const row = (await t.container.services.payments.findById(system(), payment.id))!;
    const n = paid(payment.id);
    const first = await notify(n);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: true, outcome: 'applied' });
    expect(await status(payment.id)).toBe('paid');
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
    // WeChat Pay retries until it hears 200: the same notification again changes nothing.
    expect((await notify(n)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await notify(paid(payment.id, {}, publicKeySigner, JSON.parse(n.body).id))).json().outcome).toBe('duplicate');
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_990],
    ]);
    expect(row.providerPaymentId).toBe(outTradeNo(payment.id));
  });

  it('verifies a notification signed with the platform certificate too (WECHATPAY_PLATFORM_CERT, serial read from it)', async () => {
    expect(options.verifyingKeys.map((k) => k.serial)).toEqual([PUBLIC_KEY_ID, CERT_SERIAL]);
    const { payment } = await newPayment();
    expect((await notify(paid(payment.id, {}, certificateSigner))).json().outcome).toBe('applied');
    expect(await status(payment.id)).toBe('paid');
  });

  it('refuses a tampered body, a wrong key, a stale timestamp, an unknown serial, a bad ciphertext…: 400 with the reason, stored, nothing paid', async () => {
    const { payment } = await newPayment();
    const genuine = paid(payment.id);
    const signed = (body: string, signer = publicKeySigner, at?: Date) => ({
      body,
      headers: { 'content-type': 'application/json', ...wechatPaySignatureHeaders(signer, body, at) },
    });
    const cases: [string, { body: string; headers: Record<string, string> }][] = [
      ['signature_invalid', { ...genuine, body: genuine.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') }],
      ['signature_invalid', signed(genuine.body, { serial: PUBLIC_KEY_ID, key: stranger.privateKey })],
      [
        'signature_invalid',
        { ...genuine, headers: { ...genuine.headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${genuine.headers['wechatpay-signature']}` } },
      ],
      ['timestamp_stale', signed(genuine.body, publicKeySigner, new Date(Date.now() - 6 * 60_000))],
      ['timestamp_stale', signed(genuine.body, publicKeySigner, new Date(Date.now() + 6 * 60_000))],
      ['serial_unknown', signed(genuine.body, { serial: 'PUB_KEY_ID_0119000001092026120200000000000999', key: wechatPayKey.privateKey })],
      ['signature_missing', { body: genuine.body, headers: { 'content-type': 'application/json' } }],
      [
        'decrypt_failed',
        wechatPayNotification({
          id: newEventId(),
          eventType: 'TRANSACTION.SUCCESS',
          resource: transaction(payment.id),
          apiV3Key: Buffer.from(randomBytes(16).toString('hex')),
          signer: publicKeySigner,
        }),
      ],
      ['body_malformed', signed('{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"')],
      [
        'event_unsupported',
        wechatPayNotification({ id: newEventId(), eventType: 'REFUND.ABNORMAL', resource: {}, apiV3Key: Buffer.from(API_V3_KEY), signer: publicKeySigner }),
      ],
      ['merchant_mismatch', paid(payment.id, { mchid: '1900000110' })],
    ];
    for (const [reason, n] of cases) {
      const res = await notify(n);
      expect(res.statusCode, reason).toBe(400);
      expect(res.json().error, reason).toMatchObject({ code: 'payment.notification_invalid', params: { reason } });
    }
    expect(await status(payment.id)).toBe('pending');
    expect(await ledgerBalance()).toEqual([]);
    const stored = rows<{ outcome: string; verified: boolean; error: string }>(
      await t.database.db.execute(sql`select outcome, verified, error from payment_notifications where provider = 'wechatpay' order by id`),
    );
    expect(stored.map((s) => s.error)).toEqual(cases.map(([reason]) => reason));
    expect(stored.every((s) => s.outcome === 'rejected' && !s.verified)).toBe(true);
    // The genuine one still goes through afterwards.
    expect((await notify(genuine)).json().outcome).toBe('applied');
  });

  it('stores a notification claiming another amount or currency as a mismatch for staff, and marks nothing', async () => {
    const { payment } = await newPayment();
    expect((await notify(paid(payment.id, { amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' } }))).json().outcome).toBe('mismatch');
    expect((await notify(paid(payment.id, { amount: { total: 1_990, payer_total: 1_990, currency: 'USD', payer_currency: 'USD' } }))).json().outcome).toBe(
      'mismatch',
    );
    expect(await status(payment.id)).toBe('pending');
    const owner = await createOwner(t.app);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/payments/${payment.id}`, headers: { cookie: owner.cookie } })).json();
    expect(detail.mismatchAt).not.toBeNull();
    expect(detail.notifications.map((n: { outcome: string }) => n.outcome)).toEqual(['mismatch', 'mismatch']);
    expect(await ledgerBalance()).toEqual([]);
  });

  it('sends a refund to WeChat Pay and counts it when REFUND.SUCCESS arrives, once', async () => {
    const { payment } = await newPayment();
    await notify(paid(payment.id));
    const owner = await createOwner(t.app);
    const before = wx.requests.length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/payments/${payment.id}/refunds`,
      headers: { cookie: owner.cookie },
      payload: { amountMinor: 500, reason: 'damaged' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const refund = res.json() as { id: string; status: string };
    const [request] = wx.requests.slice(before);
    expect(request).toMatchObject({ path: '/v3/refund/domestic/refunds' });
    expect(request!.body).toEqual({
      out_trade_no: outTradeNo(payment.id),
      out_refund_no: refund.id.replaceAll('-', ''),
      notify_url: NOTIFY_URL,
      amount: { refund: 500, total: 1_990, currency: 'CNY' },
    });
    // Asked for, not yet done.
    expect(await status(payment.id)).toBe('paid');
    const refunded = wechatPayNotification({
      id: newEventId(),
      eventType: 'REFUND.SUCCESS',
      resource: {
        mchid: MCHID,
        out_trade_no: outTradeNo(payment.id),
        transaction_id: '4200001234202612020000000001',
        out_refund_no: refund.id.replaceAll('-', ''),
        refund_id: '50000000382019052709732678859',
        refund_status: 'SUCCESS',
        success_time: '2026-12-02T15:00:00+08:00',
        user_received_account: '支付用户零钱',
        amount: { total: 1_990, refund: 500, payer_total: 1_990, payer_refund: 500 },
      },
      apiV3Key: Buffer.from(API_V3_KEY),
      signer: certificateSigner,
    });
    expect((await notify(refunded)).json()).toEqual({ received: true, outcome: 'applied' });
    expect((await notify(refunded)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await status(payment.id)).toBe('partially_refunded');
    expect(await ledgerBalance()).toEqual([
      ['membership_revenue', -1_990],
      ['provider_clearing', 1_490],
      ['refunds', 500],
    ]);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/payments/${payment.id}`, headers: { cookie: owner.cookie } })).json();
    expect(detail.refunds).toMatchObject([{ id: refund.id, status: 'succeeded', amountMinor: 500 }]);
  });

  it("turns WeChat Pay's error answers, an unverifiable answer and no answer into payment.provider_failed; nothing is kept", async () => {
    wx.failNext(400, { code: 'PARAM_ERROR', message: '参数错误' });
    await expect(newPayment()).rejects.toMatchObject({ code: 'payment.provider_failed', status: 502, params: { provider: 'wechatpay', code: 'PARAM_ERROR' } });
    wx.signNextWith(stranger.privateKey);
    await expect(newPayment()).rejects.toMatchObject({ code: 'payment.provider_failed', params: { code: 'answer_unverified' } });
    wx.dropNext();
    await expect(newPayment()).rejects.toMatchObject({ code: 'payment.provider_failed', params: { code: 'network' } });
    expect(rows(await t.database.db.execute(sql`select id from payments`))).toEqual([]);

    // A refund WeChat Pay refuses answers 502 with its code, and no refund is recorded.
    const { payment } = await newPayment();
    await notify(paid(payment.id));
    const owner = await createOwner(t.app);
    wx.failNext(403, { code: 'NOT_ENOUGH', message: '基本账户余额不足，请充值后重新发起' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/payments/${payment.id}/refunds`,
      headers: { cookie: owner.cookie },
      payload: { amountMinor: 500 },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatchObject({ code: 'payment.provider_failed', params: { provider: 'wechatpay', code: 'NOT_ENOUGH' } });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/payments/${payment.id}`, headers: { cookie: owner.cookie } })).json();
    expect(detail).toMatchObject({ status: 'paid', refunds: [] });
  });

  it('asks again later, with the same out_refund_no, when WeChat Pay does not answer a refund; marks it failed after the last try', async () => {
    const { payment } = await newPayment();
    await notify(paid(payment.id));
    const owner = await createOwner(t.app);
    const refund = (amountMinor: number) =>
      t.app.inject({ method: 'POST', url: `/api/admin/payments/${payment.id}/refunds`, headers: { cookie: owner.cookie }, payload: { amountMinor } });
    const detail = async () => (await t.app.inject({ method: 'GET', url: `/api/admin/payments/${payment.id}`, headers: { cookie: owner.cookie } })).json();
    const sentFor = (refundId: string) =>
      wx.requests.filter((r) => r.path === '/v3/refund/domestic/refunds' && r.body.out_refund_no === refundId.replaceAll('-', ''));
    const { payments } = t.container.services;

    // No answer: the refund stays requested (its amount held) and a retry is queued for later.
    wx.dropNext();
    const res = await refund(500);
    expect(res.statusCode, res.body).toBe(201);
    const first = res.json() as { id: string };
    expect(first).toMatchObject({ status: 'requested', attempts: 1, lastError: expect.stringContaining('could not be reached') });
    const jobs = rows<{ data: { refundId: string }; start_after: Date }>(
      await t.database.db.execute(sql`select data, start_after from pgboss.job where name = 'payment.refund' and state = 'created'`),
    );
    expect(jobs.map((j) => j.data.refundId)).toEqual([first.id]);
    expect(new Date(jobs[0]!.start_after).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await refund(1_491)).json().error).toMatchObject({ code: 'payment.refund_exceeds', params: { refundableMinor: 1_490 } });

    // The job's tries: WeChat Pay's own error is tried again later (the job throws), then it goes through, same out_refund_no.
    wx.failNext(500, { code: 'SYSTEM_ERROR', message: '系统错误' });
    await expect(payments.retryRefund(system(), first.id, false)).rejects.toMatchObject({ code: 'payment.provider_failed', params: { code: 'SYSTEM_ERROR' } });
    await payments.retryRefund(system(), first.id, false);
    expect(sentFor(first.id)).toHaveLength(2); // the dropped first request never reached it
    expect((await detail()).refunds).toMatchObject([{ id: first.id, status: 'requested', attempts: 3, lastError: null }]);

    // Another that never goes through: the last try marks it failed with the reason and frees its amount.
    wx.dropNext();
    const second = (await refund(1_000)).json() as { id: string };
    wx.dropNext();
    await payments.retryRefund(system(), second.id, true);
    expect((await detail()).refunds).toMatchObject([
      { id: first.id, status: 'requested' },
      { id: second.id, status: 'failed', attempts: 2, lastError: expect.stringContaining('could not be reached') },
    ]);
    // A refusal on a retry is final at once, whatever try it is.
    wx.dropNext();
    const third = (await refund(1_490)).json() as { id: string };
    wx.failNext(403, { code: 'NOT_ENOUGH', message: '基本账户余额不足' });
    await payments.retryRefund(system(), third.id, false);
    expect((await detail()).refunds.at(-1)).toMatchObject({ id: third.id, status: 'failed', lastError: expect.stringContaining('NOT_ENOUGH') });
    expect((await refund(1_490)).statusCode).toBe(201);
    // A refund no longer requested is never asked for again.
    const asked = sentFor(second.id).length;
    await payments.retryRefund(system(), second.id, false);
    expect(sentFor(second.id)).toHaveLength(asked);
  });

  it('is refused by WeChat Pay when its Authorization is not made with the merchant key', async () => {
    const wrong = createWechatPayProvider({ ...options, merchantPrivateKey: stranger.privateKey, publicBaseUrl: TEST_BASE_URL });
    const refusedBefore = wx.refused.length;
    const payment = { paymentId: crypto.randomUUID(), amountMinor: 100, currency: 'CNY', description: 'x', returnUrl: '/' };
    await expect(wrong.createPayment(system(), payment)).rejects.toMatchObject({ code: 'payment.provider_failed', params: { code: 'SIGN_ERROR' } });
    expect(wx.refused.slice(refusedBefore)).toEqual([{ path: '/v3/pay/transactions/native', reason: 'signature does not verify' }]);
  });
});
