import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformCertificate } from '../../../../../test/wechatpay-server.ts';
import { parseConfig } from '../../../../config/env.ts';
import { wechatPayOptionsFromEnv } from './wechatpay-options.ts';

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const pemOf = (key: { export(o: { type: 'pkcs8' | 'spki'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'spki') =>
  key.export({ type, format: 'pem' }).toString();

describe('WeChat Pay configuration (WECHATPAY_ variables)', () => {
  const merchant = rsa();
  const wechatPay = rsa();
  const API_V3_KEY = 'a'.repeat(16) + 'B'.repeat(16);
  const base = {
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_APPID: 'wx8888888888888888',
    WECHATPAY_SERIAL_NO: '3775B6A45ACD588826D15E583A95F5DD0DB4B8E4',
    WECHATPAY_PRIVATE_KEY: pemOf(merchant.privateKey, 'pkcs8'),
    WECHATPAY_API_V3_KEY: API_V3_KEY,
    WECHATPAY_PUBLIC_KEY: pemOf(wechatPay.publicKey, 'spki'),
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000000000',
  };
  const options = (env: Record<string, string>) => wechatPayOptionsFromEnv(parseConfig(env).wechatpay);
  const problem = (env: Record<string, string>) => {
    try {
      options(env);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('accepted');
  };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wechatpay-options-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is off until its variables are set (the API address alone does not turn it on)', () => {
    expect(parseConfig({}).wechatpay).toBeUndefined();
    expect(options({ WECHATPAY_API_BASE: 'http://127.0.0.1:9' })).toBeUndefined();
    expect(options({ WECHATPAY_MCHID: ' ', WECHATPAY_APPID: '' })).toBeUndefined();
  });

  it('reads the 微信支付公钥 mode, the key given on one line with \\n too', () => {
    const o = options({ ...base, WECHATPAY_PRIVATE_KEY: base.WECHATPAY_PRIVATE_KEY.trim().replaceAll('\n', '\\n') })!;
    expect(o).toMatchObject({
      mchId: '1900000109',
      appId: 'wx8888888888888888',
      merchantSerialNo: base.WECHATPAY_SERIAL_NO,
      apiBase: 'https://api.mch.weixin.qq.com',
    });
    expect(o.publicKeyId).toBe(base.WECHATPAY_PUBLIC_KEY_ID);
    expect(o.verifyingKeys.map((k) => k.serial)).toEqual([base.WECHATPAY_PUBLIC_KEY_ID]);
    expect(o.verifyingKeys[0]!.key.equals(wechatPay.publicKey)).toBe(true);
    expect(o.merchantPrivateKey.equals(merchant.privateKey)).toBe(true);
    expect(o.apiV3Key).toEqual(Buffer.from(API_V3_KEY));
  });

  it('reads the platform certificate mode, taking the serial from the certificate', () => {
    const cert = platformCertificate('5157f09efdc096de15ebe81a47057a7232f1b8e1');
    const { WECHATPAY_PUBLIC_KEY: _k, WECHATPAY_PUBLIC_KEY_ID: _id, ...rest } = base;
    const o = options({ ...rest, WECHATPAY_PLATFORM_CERT: cert.certPem, WECHATPAY_API_BASE: 'http://127.0.0.1:8080/' })!;
    expect(o.verifyingKeys.map((k) => k.serial)).toEqual(['5157F09EFDC096DE15EBE81A47057A7232F1B8E1']);
    expect(o.publicKeyId).toBeUndefined();
    expect(o.apiBase).toBe('http://127.0.0.1:8080');
  });

  it('reads the private key from WECHATPAY_PRIVATE_KEY_FILE, and names that variable when the file is missing', () => {
    const file = path.join(dir, 'apiclient_key.pem');
    writeFileSync(file, base.WECHATPAY_PRIVATE_KEY);
    const { WECHATPAY_PRIVATE_KEY: _pem, ...rest } = base;
    expect(options({ ...rest, WECHATPAY_PRIVATE_KEY_FILE: file })!.merchantPrivateKey.equals(merchant.privateKey)).toBe(true);
    expect(problem({ ...rest, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, 'missing.pem') })).toMatch(
      /^Invalid configuration: WECHATPAY_PRIVATE_KEY_FILE names a file that cannot be read \(ENOENT/,
    );
    expect(problem({ ...base, WECHATPAY_PRIVATE_KEY_FILE: file })).toBe(
      'Invalid configuration: WECHATPAY_PRIVATE_KEY_FILE must not be set together with WECHATPAY_PRIVATE_KEY: give the key one way',
    );
  });

  it('names the first variable missing once any is set', () => {
    expect(problem({ WECHATPAY_MCHID: '1900000109' })).toBe(
      'Invalid configuration: WECHATPAY_APPID must be set too: once any WECHATPAY_ variable is set, WeChat Pay needs it',
    );
    const { WECHATPAY_PRIVATE_KEY: _pem, ...noKey } = base;
    expect(problem(noKey)).toMatch(/^Invalid configuration: WECHATPAY_PRIVATE_KEY or WECHATPAY_PRIVATE_KEY_FILE must be set too/);
    const { WECHATPAY_API_V3_KEY: _v3, ...noV3 } = base;
    expect(problem(noV3)).toMatch(/^Invalid configuration: WECHATPAY_API_V3_KEY must be set too/);
    const { WECHATPAY_PUBLIC_KEY_ID: _id, ...noId } = base;
    expect(problem(noId)).toBe('Invalid configuration: WECHATPAY_PUBLIC_KEY_ID must be set with WECHATPAY_PUBLIC_KEY: it names the key');
    const { WECHATPAY_PUBLIC_KEY: _k, WECHATPAY_PUBLIC_KEY_ID: _i, ...noVerifier } = base;
    expect(problem(noVerifier)).toMatch(
      /^Invalid configuration: WECHATPAY_PUBLIC_KEY \(with WECHATPAY_PUBLIC_KEY_ID\) or WECHATPAY_PLATFORM_CERT must be set too/,
    );
  });

  it('says what each value wants, and never repeats a key', () => {
    expect(problem({ ...base, WECHATPAY_MCHID: 'merchant' })).toBe(
      'Invalid configuration: WECHATPAY_MCHID must be the merchant id (商户号), digits only, such as 1900000109 (got "merchant")',
    );
    expect(problem({ ...base, WECHATPAY_API_V3_KEY: 'x'.repeat(31) })).toBe(
      'Invalid configuration: WECHATPAY_API_V3_KEY must be the 32-character APIv3 key (APIv3密钥) set in the merchant platform',
    );
    expect(problem({ ...base, WECHATPAY_PRIVATE_KEY: 'secret-not-a-pem' })).toBe(
      "Invalid configuration: WECHATPAY_PRIVATE_KEY must be the merchant API certificate's private key, the PEM text of apiclient_key.pem",
    );
    expect(problem({ ...base, WECHATPAY_PUBLIC_KEY_ID: '0114232134912410000000000000000000' })).toMatch(
      /^Invalid configuration: WECHATPAY_PUBLIC_KEY_ID must be the WeChat Pay public key id/,
    );
    expect(problem({ ...base, WECHATPAY_PLATFORM_CERT: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' })).toBe(
      'Invalid configuration: WECHATPAY_PLATFORM_CERT is not an X.509 certificate Node can read',
    );
    expect(problem({ ...base, WECHATPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' })).toBe(
      'Invalid configuration: WECHATPAY_PRIVATE_KEY is not a PEM key Node can read',
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(problem({ ...base, WECHATPAY_PRIVATE_KEY: pemOf(ec.privateKey, 'pkcs8') })).toBe(
      'Invalid configuration: WECHATPAY_PRIVATE_KEY must be an RSA key (got ec)',
    );
  });
});
