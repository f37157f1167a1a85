import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type WechatPayEnv } from '../../../../config/env.ts';

/** One key WeChat Pay signs answers and notifications with, named by the `Wechatpay-Serial` they carry. */
export type WechatPayVerifyingKey = { serial: string; key: KeyObject };

/** What the `wechatpay` provider needs: the merchant's identity and keys, and WeChat Pay's. */
export type WechatPayOptions = {
  /** 商户号 */
  mchId: string;
  /** The Official Account or Mini Program the merchant is bound to (JSAPI pays inside it). */
  appId: string;
  /** The merchant API certificate's serial number: `serial_no` of every request's Authorization. */
  merchantSerialNo: string;
  /** Signs requests and JSAPI parameters (SHA256withRSA). */
  merchantPrivateKey: KeyObject;
  /** The APIv3 key (32 bytes): decrypts notifications' resources (AEAD_AES_256_GCM). */
  apiV3Key: Buffer;
  /**
   * The 微信支付公钥 (serial `PUB_KEY_ID_…`) and/or the platform certificate's key (its serial):
   * both while WeChat Pay moves a merchant from the certificate to the public key.
   */
  verifyingKeys: WechatPayVerifyingKey[];
  /** Sent as `Wechatpay-Serial` on requests, so that answers are signed with the public key. */
  publicKeyId?: string;
  /** https://api.mch.weixin.qq.com, or another address that answers the same API. */
  apiBase: string;
  /** How long one API call may take (default 10 s). */
  timeoutMs?: number;
};

function rsaKey(variable: string, read: () => KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = read();
  } catch {
    throw new ConfigError(variable, 'is not a PEM key Node can read');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new ConfigError(variable, `must be an RSA key (got ${key.asymmetricKeyType ?? key.type})`);
  return key;
}

/** The provider's options from the parsed WECHATPAY_ variables (undefined when unset); a bad key or file names its variable. */
export function wechatPayOptionsFromEnv(env: WechatPayEnv | undefined): WechatPayOptions | undefined {
  if (!env) return undefined;
  let privatePem: string;
  let privateVariable = 'WECHATPAY_PRIVATE_KEY';
  if ('file' in env.privateKey) {
    privateVariable = 'WECHATPAY_PRIVATE_KEY_FILE';
    try {
      privatePem = readFileSync(env.privateKey.file, 'utf8');
    } catch (err) {
      throw new ConfigError(privateVariable, `names a file that cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}: ${env.privateKey.file})`);
    }
  } else privatePem = env.privateKey.pem;
  const merchantPrivateKey = rsaKey(privateVariable, () => createPrivateKey(privatePem));

  const verifyingKeys: WechatPayVerifyingKey[] = [];
  if (env.publicKey) {
    const { pem } = env.publicKey;
    verifyingKeys.push({ serial: env.publicKey.id, key: rsaKey('WECHATPAY_PUBLIC_KEY', () => createPublicKey(pem)) });
  }
  if (env.platformCert) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(env.platformCert);
    } catch {
      throw new ConfigError('WECHATPAY_PLATFORM_CERT', 'is not an X.509 certificate Node can read');
    }
    verifyingKeys.push({ serial: cert.serialNumber.toUpperCase(), key: rsaKey('WECHATPAY_PLATFORM_CERT', () => cert.publicKey) });
  }
  return {
    mchId: env.mchId,
    appId: env.appId,
    merchantSerialNo: env.merchantSerialNo,
    merchantPrivateKey,
    apiV3Key: Buffer.from(env.apiV3Key, 'utf8'),
    verifyingKeys,
    ...(env.publicKey ? { publicKeyId: env.publicKey.id } : {}),
    apiBase: env.apiBase,
  };
}
