import { execFileSync } from 'node:child_process';
import { createCipheriv, createPrivateKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A local stand-in for WeChat Pay API v3, written from its documentation and independent of the
 * provider's code: it checks each request's Authorization (the merchant's SHA256withRSA
 * signature over "METHOD\nURL\ntimestamp\nnonce\nbody\n", with the merchant's public key),
 * checks the fields the three endpoints require, answers their documented shapes, and signs
 * every answer ("timestamp\nnonce\nbody\n") with WeChat Pay's key: the 微信支付公钥 when the
 * request names it in Wechatpay-Serial, else the platform certificate's.
 */
export type FakeWechatPay = {
  url: string;
  /** Every request that passed the signature check, in order. */
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[];
  /** Requests refused for their Authorization. */
  refused: { path: string; reason: string }[];
  /** The next request is answered with this error (as WeChat Pay: a status and {code, message}). */
  failNext(status: number, error: { code: string; message: string }): void;
  /** The next answer is signed with this key instead (an answer that must not be believed). */
  signNextWith(key: KeyObject): void;
  /** The next request's connection is dropped without an answer. */
  dropNext(): void;
  close(): Promise<void>;
};

export type WechatPaySigner = { serial: string; key: KeyObject };

const lines = (...pieces: string[]) => pieces.map((p) => `${p}\n`).join('');
const unix = (at = new Date()) => String(Math.floor(at.getTime() / 1000));
const sha256Rsa = (key: KeyObject, message: string) => sign('sha256', Buffer.from(message), key).toString('base64');

/** Signs `body` as WeChat Pay signs an answer or a notification: the four Wechatpay-* headers. */
export function wechatPaySignatureHeaders(signer: WechatPaySigner, body: string, at = new Date()): Record<string, string> {
  const timestamp = unix(at);
  const nonce = randomBytes(16).toString('hex');
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': sha256Rsa(signer.key, lines(timestamp, nonce, body)),
    'wechatpay-serial': signer.serial,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** A self-signed certificate standing in for a WeChat Pay platform certificate (the openssl CLI makes it), and its private key. */
export function platformCertificate(serialHex: string): { certPem: string; privateKey: KeyObject } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wechatpay-cert-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=Tenpay.com sign',
        '-set_serial',
        `0x${serialHex}`,
      ],
      { stdio: 'ignore' },
    );
    return { certPem: readFileSync(cert, 'utf8'), privateKey: createPrivateKey(readFileSync(key, 'utf8')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `plaintext` encrypted as a notification's resource: AEAD_AES_256_GCM, base64(ciphertext ‖ tag). */
export function encryptResource(apiV3Key: Buffer, plaintext: string, associatedData: string) {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext, nonce, associated_data: associatedData };
}

/** A notification as WeChat Pay posts it to notify_url: the body and its signed headers. */
export function wechatPayNotification(input: {
  id: string;
  eventType: string;
  resource: Record<string, unknown>;
  apiV3Key: Buffer;
  signer: WechatPaySigner;
  at?: Date;
}): { body: string; headers: Record<string, string> } {
  const originalType = input.eventType.startsWith('REFUND.') ? 'refund' : 'transaction';
  const body = JSON.stringify({
    id: input.id,
    create_time: '2026-12-02T14:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: input.eventType,
    summary: originalType === 'refund' ? '退款成功' : '支付成功',
    resource: { original_type: originalType, ...encryptResource(input.apiV3Key, JSON.stringify(input.resource), originalType) },
  });
  return { body, headers: { 'content-type': 'application/json', ...wechatPaySignatureHeaders(input.signer, body, input.at) } };
}

/** What is wrong with a request's Authorization, or undefined. */
function authorizationProblem(req: IncomingMessage, body: string, merchant: { mchId: string; serialNo: string; publicKey: KeyObject }): string | undefined {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(req.headers.authorization ?? '');
  if (!m) return 'no WECHATPAY2-SHA256-RSA2048 Authorization';
  const fields = new Map([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((f) => [f[1]!, f[2]!]));
  const [mchid, nonce, signature, timestamp, serial] = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'].map((k) => fields.get(k));
  if (!mchid || !nonce || !signature || !timestamp || !serial) return 'an Authorization field is missing';
  if (mchid !== merchant.mchId) return 'mchid is another merchant';
  if (serial !== merchant.serialNo) return 'serial_no is not the merchant certificate';
  if (nonce.length > 32) return 'nonce_str is longer than 32';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return 'timestamp is off';
  const message = lines(req.method!, req.url!, timestamp, nonce, body);
  if (!verify('sha256', Buffer.from(message), merchant.publicKey, Buffer.from(signature, 'base64'))) return 'signature does not verify';
  return undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ORDER_NO = /^[0-9A-Za-z_|*-]{1,32}$/;

/** The fields each endpoint requires, as its documentation lists them; a missing or bad one is named. */
function paramProblem(path: string, b: Json, merchant: { mchId: string; appId: string }): string | undefined {
  const amount = isObject(b.amount) ? b.amount : {};
  if (path === '/v3/pay/transactions/native' || path === '/v3/pay/transactions/jsapi') {
    if (b.appid !== merchant.appId) return 'appid';
    if (b.mchid !== merchant.mchId) return 'mchid';
    if (typeof b.description !== 'string' || b.description === '' || Buffer.byteLength(b.description) > 127) return 'description';
    if (typeof b.out_trade_no !== 'string' || !ORDER_NO.test(b.out_trade_no)) return 'out_trade_no';
    if (typeof b.notify_url !== 'string' || !/^https?:\/\//.test(b.notify_url)) return 'notify_url';
    if (!Number.isInteger(amount.total) || (amount.total as number) < 1) return 'amount.total';
    if (amount.currency !== 'CNY') return 'amount.currency';
    if (path.endsWith('/jsapi') && !(isObject(b.payer) && typeof b.payer.openid === 'string' && b.payer.openid !== '')) return 'payer.openid';
    return undefined;
  }
  if (typeof b.out_trade_no !== 'string' || !ORDER_NO.test(b.out_trade_no)) return 'out_trade_no';
  if (typeof b.out_refund_no !== 'string' || !/^[0-9A-Za-z_|*@-]{1,64}$/.test(b.out_refund_no)) return 'out_refund_no';
  if (b.notify_url !== undefined && (typeof b.notify_url !== 'string' || !/^https?:\/\//.test(b.notify_url))) return 'notify_url';
  if (!Number.isInteger(amount.refund) || (amount.refund as number) < 1) return 'amount.refund';
  if (!Number.isInteger(amount.total) || (amount.refund as number) > (amount.total as number)) return 'amount.total';
  if (amount.currency !== 'CNY') return 'amount.currency';
  return undefined;
}

function answerOf(path: string, b: Json): Json {
  if (path === '/v3/pay/transactions/native') return { code_url: `weixin://wxpay/bizpayurl?pr=${randomBytes(5).toString('hex')}` };
  if (path === '/v3/pay/transactions/jsapi') return { prepay_id: `wx${randomBytes(14).toString('hex')}` };
  const amount = b.amount as { refund: number; total: number };
  return {
    refund_id: `50000000${randomBytes(10).toString('hex')}`,
    out_refund_no: b.out_refund_no,
    transaction_id: `4200000000${randomBytes(9).toString('hex')}`,
    out_trade_no: b.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    create_time: '2026-12-02T14:00:00+08:00',
    status: 'PROCESSING',
    funds_account: 'AVAILABLE',
    amount: {
      total: amount.total,
      refund: amount.refund,
      payer_total: amount.total,
      payer_refund: amount.refund,
      settlement_refund: amount.refund,
      settlement_total: amount.total,
      discount_refund: 0,
      currency: 'CNY',
    },
  };
}

const ROUTES = new Set(['/v3/pay/transactions/native', '/v3/pay/transactions/jsapi', '/v3/refund/domestic/refunds']);

export async function startFakeWechatPay(config: {
  merchant: { mchId: string; appId: string; serialNo: string; publicKey: KeyObject };
  /** Signs answers to requests that carry Wechatpay-Serial: <its serial> (微信支付公钥). */
  publicKeySigner: WechatPaySigner;
  /** Signs the other answers (platform certificate). */
  certificateSigner: WechatPaySigner;
}): Promise<FakeWechatPay> {
  const fake = { requests: [], refused: [] } as unknown as FakeWechatPay;
  let nextError: { status: number; error: { code: string; message: string } } | undefined;
  let nextKey: KeyObject | undefined;
  let dropNext = false;

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, payload: Json) => {
    const text = JSON.stringify(payload);
    const signer = req.headers['wechatpay-serial'] === config.publicKeySigner.serial ? config.publicKeySigner : config.certificateSigner;
    const headers = wechatPaySignatureHeaders(nextKey ? { serial: signer.serial, key: nextKey } : signer, text);
    nextKey = undefined;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'request-id': randomBytes(8).toString('hex'), ...headers });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (dropNext) {
        dropNext = false;
        req.socket.destroy();
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const problem = authorizationProblem(req, text, config.merchant);
      const path = (req.url ?? '').split('?')[0]!;
      if (problem) {
        fake.refused.push({ path, reason: problem });
        return answer(req, res, 401, { code: 'SIGN_ERROR', message: `签名错误: ${problem}` });
      }
      let body: Json;
      try {
        body = JSON.parse(text) as Json;
      } catch {
        return answer(req, res, 400, { code: 'PARAM_ERROR', message: '请求体不是JSON' });
      }
      fake.requests.push({ method: req.method!, path, headers: req.headers, body });
      if (nextError) {
        const { status, error } = nextError;
        nextError = undefined;
        return answer(req, res, status, error);
      }
      if (req.method !== 'POST' || !ROUTES.has(path)) return answer(req, res, 404, { code: 'NOT_FOUND', message: '无此接口' });
      const bad = paramProblem(path, body, config.merchant);
      if (bad) return answer(req, res, 400, { code: 'PARAM_ERROR', message: `参数错误: ${bad}` });
      return answer(req, res, 200, answerOf(path, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.failNext = (status, error) => {
    nextError = { status, error };
  };
  fake.signNextWith = (key) => {
    nextKey = key;
  };
  fake.dropNext = () => {
    dropNext = true;
  };
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}
