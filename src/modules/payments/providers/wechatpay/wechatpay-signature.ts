import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { WechatPayVerifyingKey } from './wechatpay-options.ts';

/** The Authorization scheme of WeChat Pay API v3. */
export const WECHATPAY_AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
/** An answer or notification signed longer ago (or ahead) than this is refused. */
export const WECHATPAY_TOLERANCE_S = 300;

/** 32 characters, [0-9a-f] (nonce_str and nonceStr take at most 32). */
export const newNonce = (): string => randomBytes(16).toString('hex');

/** Unix seconds, as WeChat Pay writes timestamps. */
export const unixSeconds = (at: Date): string => String(Math.floor(at.getTime() / 1000));

/** Each piece on its own line, the last one ended too: the shape of every string WeChat Pay signs. */
export const signedLines = (...pieces: string[]): string => pieces.map((p) => `${p}\n`).join('');

/** SHA256withRSA (PKCS #1 v1.5) of `message`, base64. */
export const signSha256Rsa = (key: KeyObject, message: string): string => sign('sha256', Buffer.from(message, 'utf8'), key).toString('base64');

/**
 * The Authorization header of one request: the merchant's signature over
 * "METHOD\nURL\ntimestamp\nnonce\nbody\n", URL being the path and query without the host.
 */
export function authorization(
  merchant: { mchId: string; serialNo: string; key: KeyObject },
  request: { method: string; url: string; body: string; timestamp: string; nonce: string },
): string {
  const signature = signSha256Rsa(merchant.key, signedLines(request.method, request.url, request.timestamp, request.nonce, request.body));
  return `${WECHATPAY_AUTH_SCHEME} mchid="${merchant.mchId}",nonce_str="${request.nonce}",signature="${signature}",timestamp="${request.timestamp}",serial_no="${merchant.serialNo}"`;
}

/** The JSAPI `paySign`: the merchant's signature over "appId\ntimeStamp\nnonceStr\npackage\n". */
export const jsapiPaySign = (key: KeyObject, p: { appId: string; timeStamp: string; nonceStr: string; package: string }): string =>
  signSha256Rsa(key, signedLines(p.appId, p.timeStamp, p.nonceStr, p.package));

export type SignatureProblem = 'signature_missing' | 'serial_unknown' | 'timestamp_stale' | 'signature_invalid';

/**
 * What is wrong with WeChat Pay's signature on an answer or a notification, or undefined when it
 * holds: the Wechatpay-Serial names one of our keys, Wechatpay-Timestamp is within 5 minutes of
 * `now`, and Wechatpay-Signature verifies over "timestamp\nnonce\nbody\n" (the body as received).
 * `header` looks a header up by its lower-case name.
 */
export function signatureProblem(
  keys: readonly WechatPayVerifyingKey[],
  header: (name: string) => string | undefined,
  body: string,
  now: Date,
): SignatureProblem | undefined {
  const timestamp = header('wechatpay-timestamp');
  const nonce = header('wechatpay-nonce');
  const signature = header('wechatpay-signature');
  const serial = header('wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) return 'signature_missing';
  const key = keys.find((k) => k.serial.toUpperCase() === serial.trim().toUpperCase())?.key;
  if (!key) return 'serial_unknown';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > WECHATPAY_TOLERANCE_S) return 'timestamp_stale';
  // WeChat Pay's probes (a signature starting "WECHATPAY/SIGNTEST/") must fail here, and do.
  try {
    return verify('sha256', Buffer.from(signedLines(timestamp, nonce, body), 'utf8'), key, Buffer.from(signature, 'base64')) ? undefined : 'signature_invalid';
  } catch {
    return 'signature_invalid';
  }
}
