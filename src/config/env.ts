import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once at start; a bad value becomes a ConfigError that
 * names the variable, and the CLI prints that one line and exits with code 1.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** The same sentence for every way a value can be wrong: what is wanted, never how a validator failed. */
const wanted = (sentence: string) => ({ error: sentence });
const PORT_WANTED = wanted('must be a port number from 0 to 65535, such as 3000');

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Address sets proxy-addr knows by name (Fastify's trustProxy accepts them in a list). */
const NAMED_PROXY_SETS = ['loopback', 'linklocal', 'uniquelocal'];

/** One TRUST_PROXY list entry: an IPv4/IPv6 address, a CIDR range, or a named set. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_PROXY_SETS.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_HELP = 'must be a hop count (1, 2, …) or a comma-separated list of proxy addresses and ranges (10.0.0.0/8, ::1, loopback)';

/**
 * Which X-Forwarded-For / -Proto / -Host headers to believe. Off by default: every client can
 * write those headers, so trusting them blindly lets anyone pick the address rate limits see.
 * `true` is refused on purpose for the same reason.
 */
const trustProxy = optionalString.pipe(
  z
    .string()
    .optional()
    .transform((v, c): false | number | string[] => {
      if (v === undefined || v === 'false' || v === '0') return false;
      if (/^\d+$/.test(v)) return Number(v);
      const entries = v.split(',').map((e) => e.trim());
      const bad = entries.find((e) => !isProxyEntry(e));
      if (bad === undefined) return entries;
      c.addIssue({ code: 'custom', message: bad === 'true' ? `${TRUST_PROXY_HELP}; "true" would trust any client` : TRUST_PROXY_HELP });
      return z.NEVER;
    }),
);

/** A PEM block (`label` is a pattern); `\n` written for the line breaks (as one-line env files do) is read as them. */
const pemField = (label: string, sentence: string) =>
  optionalString.pipe(
    z
      .string()
      .transform((v) => v.replaceAll('\\n', '\n'))
      .refine((v) => new RegExp(`^-----BEGIN ${label}-----\\n[\\s\\S]+\\n-----END ${label}-----$`).test(v.replaceAll('\r', '')), wanted(sentence))
      .optional(),
  );

/**
 * WeChat Pay API v3 (the `wechatpay` provider). All optional: unset, the provider is not
 * offered; once any is set, parseConfig asks for the rest.
 */
function wechatPayVariables() {
  return {
    WECHATPAY_MCHID: optionalString.pipe(
      z
        .string()
        .regex(/^\d{1,32}$/, 'must be the merchant id (商户号), digits only, such as 1900000109')
        .optional(),
    ),
    WECHATPAY_APPID: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_]{1,32}$/, 'must be the AppID bound to the merchant (Official Account or Mini Program), such as wx8888888888888888')
        .optional(),
    ),
    WECHATPAY_SERIAL_NO: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9A-Fa-f]{1,64}$/, "must be the merchant API certificate's serial number (商户API证书序列号), in hex")
        .optional(),
    ),
    WECHATPAY_PRIVATE_KEY: pemField('(?:RSA )?PRIVATE KEY', "must be the merchant API certificate's private key, the PEM text of apiclient_key.pem"),
    WECHATPAY_PRIVATE_KEY_FILE: optionalString,
    WECHATPAY_API_V3_KEY: optionalString.pipe(
      z
        .string()
        .refine((v) => Buffer.byteLength(v) === 32, wanted('must be the 32-character APIv3 key (APIv3密钥) set in the merchant platform'))
        .optional(),
    ),
    WECHATPAY_PUBLIC_KEY: pemField('(?:RSA )?PUBLIC KEY', 'must be the WeChat Pay public key (微信支付公钥), the PEM text of pub_key.pem'),
    WECHATPAY_PUBLIC_KEY_ID: optionalString.pipe(
      z
        .string()
        .regex(
          /^PUB_KEY_ID_[0-9A-Za-z]{1,64}$/,
          'must be the WeChat Pay public key id shown beside the key, such as PUB_KEY_ID_0114232134912410000000000000000000',
        )
        .optional(),
    ),
    WECHATPAY_PLATFORM_CERT: pemField('CERTIFICATE', 'must be the WeChat Pay platform certificate (平台证书), in PEM'),
    WECHATPAY_API_BASE: optionalString.pipe(
      z
        .url({ protocol: /^https?$/, ...wanted('must be the http:// or https:// address of the WeChat Pay API, such as https://api.mch.weixin.qq.com') })
        .default('https://api.mch.weixin.qq.com'),
    ),
  };
}

/** What the `wechatpay` provider is configured with, as given (src/modules/payments/providers/wechatpay reads the keys). */
export type WechatPayEnv = {
  mchId: string;
  appId: string;
  merchantSerialNo: string;
  /** The merchant private key's PEM text, or the file holding it. */
  privateKey: { pem: string } | { file: string };
  apiV3Key: string;
  /** 微信支付公钥 and its id; and/or the platform certificate (both while WeChat moves a merchant from one to the other). */
  publicKey: { id: string; pem: string } | undefined;
  platformCert: string | undefined;
  apiBase: string;
};

/** Unset or blank, or else the value given. */
const portField = optionalString.pipe(z.coerce.number<string | undefined>(PORT_WANTED).int(PORT_WANTED).min(0, PORT_WANTED).max(65535, PORT_WANTED).default(3000));

const WINDOW_WANTED = wanted('must be a whole number of minutes from 1 to 1440');
const paymentWindowField = optionalString.pipe(
  z.coerce.number<string | undefined>(WINDOW_WANTED).int(WINDOW_WANTED).min(1, WINDOW_WANTED).max(1440, WINDOW_WANTED).default(15),
);

const envSchema = z.object({
  PORT: portField,
  HOST: optionalString.pipe(z.string().default('0.0.0.0')),
  FANBASE_DATA_DIR: optionalString.pipe(z.string().default('./data')),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  REDIS_KEY_PREFIX: optionalString.pipe(
    z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9:_.-]+$/, 'must be letters, digits and : _ . - only')
      .default('fanbase:'),
  ),
  SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS, wanted(`must be one of ${LOG_LEVELS.join(', ')}`)).optional()),
  LOG_FORMAT: optionalString.pipe(z.enum(LOG_FORMATS, wanted('must be json (one JSON object a line) or text (one readable line each)')).optional()),
  PUBLIC_BASE_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, ...wanted('must be the http:// or https:// address people open, such as https://fans.example.com') }).optional(),
  ),
  TRUST_PROXY: trustProxy,
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  ORDER_PAYMENT_WINDOW_MINUTES: paymentWindowField,
  FESTIVAL_BOT_CHECKS: optionalString.pipe(z.enum(['on', 'off'], wanted('must be on (the default) or off (benchmarks only)')).default('on')),
  ...wechatPayVariables(),
  STRIPE_SECRET_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_…, sk_live_…, or a restricted rk_… key)')
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^whsec_\S+$/, 'must be the signing secret of the Stripe webhook endpoint (whsec_…)')
      .optional(),
  ),
  STRIPE_API_BASE: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, ...wanted('must be the http:// or https:// address of the Stripe API or a proxy of it, such as http://127.0.0.1:12111') })
      .optional(),
  ),
});

/** Where the Stripe client sends its requests, from STRIPE_API_BASE (unset: api.stripe.com). */
export type StripeApiAddress = { host: string; port: number; protocol: 'http' | 'https' };

function stripeApiAddress(base: string): StripeApiAddress {
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Put before every Redis key (several Fanbase brands, or a test, sharing one Redis). */
  redisKeyPrefix: string;
  sessionSecret: string | undefined;
  /** LOG_LEVEL when set; unset, the server logs from `info` and the other commands from `warn`. */
  logLevel: LogLevel | undefined;
  /** LOG_FORMAT when set; unset, text on a terminal and JSON otherwise. */
  logFormat: LogFormat | undefined;
  /** PUBLIC_BASE_URL, or the address the server listens on (`localhost` for every interface). */
  publicBaseUrl: string;
  /** Whether PUBLIC_BASE_URL is set: until it is, links may point where other people cannot reach. */
  publicBaseUrlConfigured: boolean;
  /**
   * PUBLIC_BASE_URL's origin when it is set: the only origin allowed to make cookie-authenticated
   * changes. Unset: each request is checked against the Host it came to.
   */
  publicOrigin: string | undefined;
  secureCookies: boolean;
  /** Fastify's trustProxy: off, a hop count, or the proxies' addresses and ranges. */
  trustProxy: false | number | string[];
  /** Bearer token /metrics requires; unset, /metrics is off. */
  metricsToken: string | undefined;
  /** Minutes a fan has to pay for an order before it is canceled and its stock released (1–1440). */
  orderPaymentWindowMinutes: number;
  /**
   * FESTIVAL_BOT_CHECKS: per-fan and per-visitor attempt rates and the proof of work (on). `off`
   * is for benchmark servers only, where one load generator plays every fan from one address.
   */
  festivalBotChecks: boolean;
  /** WeChat Pay, when its variables are set. */
  wechatpay: WechatPayEnv | undefined;
  /** Stripe payments, when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are both set. */
  stripe: { secretKey: string; webhookSecret: string; api?: StripeApiAddress } | undefined;
};

/** Variables whose value an error message must not repeat. */
const SECRETS = new Set([
  'SESSION_SECRET',
  'METRICS_TOKEN',
  'WECHATPAY_PRIVATE_KEY',
  'WECHATPAY_API_V3_KEY',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  // Not secret, but pages of PEM text.
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_PLATFORM_CERT',
]);

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Where a browser on this machine reaches a server listening on `host`: `localhost` for every interface. */
export function listenUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return `http://localhost:${port}`;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    const shown = value === undefined || SECRETS.has(variable) ? '' : ` (got "${value}")`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const e = result.data;
  // Stripe takes both keys or neither: a key without its webhook secret could take payments it never learns were paid.
  if ((e.STRIPE_SECRET_KEY === undefined) !== (e.STRIPE_WEBHOOK_SECRET === undefined)) {
    const [missing, set] = e.STRIPE_SECRET_KEY === undefined ? ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] : ['STRIPE_WEBHOOK_SECRET', 'STRIPE_SECRET_KEY'];
    throw new ConfigError(missing, `must be set too when ${set} is (Stripe needs both, or neither)`);
  }
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? listenUrl(e.HOST, e.PORT)).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.FANBASE_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    publicBaseUrl,
    publicBaseUrlConfigured: e.PUBLIC_BASE_URL !== undefined,
    publicOrigin: e.PUBLIC_BASE_URL === undefined ? undefined : new URL(e.PUBLIC_BASE_URL).origin,
    secureCookies: publicBaseUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    orderPaymentWindowMinutes: e.ORDER_PAYMENT_WINDOW_MINUTES,
    festivalBotChecks: e.FESTIVAL_BOT_CHECKS === 'on',
    wechatpay: wechatPayEnv(e),
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            ...(e.STRIPE_API_BASE ? { api: stripeApiAddress(e.STRIPE_API_BASE) } : {}),
          }
        : undefined,
  };
}

/** The WeChat Pay variables as one setting: none set, or every one it needs (else the first missing is named). */
function wechatPayEnv(e: z.infer<typeof envSchema>): WechatPayEnv | undefined {
  const given = [
    e.WECHATPAY_MCHID,
    e.WECHATPAY_APPID,
    e.WECHATPAY_SERIAL_NO,
    e.WECHATPAY_PRIVATE_KEY,
    e.WECHATPAY_PRIVATE_KEY_FILE,
    e.WECHATPAY_API_V3_KEY,
    e.WECHATPAY_PUBLIC_KEY,
    e.WECHATPAY_PUBLIC_KEY_ID,
    e.WECHATPAY_PLATFORM_CERT,
  ];
  if (given.every((v) => v === undefined)) return undefined;
  const need = <T>(variable: string, value: T | undefined, why = 'must be set too: once any WECHATPAY_ variable is set, WeChat Pay needs it'): T => {
    if (value === undefined) throw new ConfigError(variable, why);
    return value;
  };
  const mchId = need('WECHATPAY_MCHID', e.WECHATPAY_MCHID);
  const appId = need('WECHATPAY_APPID', e.WECHATPAY_APPID);
  const merchantSerialNo = need('WECHATPAY_SERIAL_NO', e.WECHATPAY_SERIAL_NO);
  if (e.WECHATPAY_PRIVATE_KEY !== undefined && e.WECHATPAY_PRIVATE_KEY_FILE !== undefined)
    throw new ConfigError('WECHATPAY_PRIVATE_KEY_FILE', 'must not be set together with WECHATPAY_PRIVATE_KEY: give the key one way');
  const privateKey =
    e.WECHATPAY_PRIVATE_KEY_FILE !== undefined
      ? { file: e.WECHATPAY_PRIVATE_KEY_FILE }
      : {
          pem: need(
            'WECHATPAY_PRIVATE_KEY',
            e.WECHATPAY_PRIVATE_KEY,
            'or WECHATPAY_PRIVATE_KEY_FILE must be set too: the merchant private key signs every request',
          ),
        };
  const apiV3Key = need('WECHATPAY_API_V3_KEY', e.WECHATPAY_API_V3_KEY);
  if (e.WECHATPAY_PUBLIC_KEY !== undefined) need('WECHATPAY_PUBLIC_KEY_ID', e.WECHATPAY_PUBLIC_KEY_ID, 'must be set with WECHATPAY_PUBLIC_KEY: it names the key');
  if (e.WECHATPAY_PUBLIC_KEY_ID !== undefined) need('WECHATPAY_PUBLIC_KEY', e.WECHATPAY_PUBLIC_KEY, 'must be set with WECHATPAY_PUBLIC_KEY_ID');
  const publicKey = e.WECHATPAY_PUBLIC_KEY && e.WECHATPAY_PUBLIC_KEY_ID ? { id: e.WECHATPAY_PUBLIC_KEY_ID, pem: e.WECHATPAY_PUBLIC_KEY } : undefined;
  if (!publicKey && e.WECHATPAY_PLATFORM_CERT === undefined)
    throw new ConfigError(
      'WECHATPAY_PUBLIC_KEY',
      "(with WECHATPAY_PUBLIC_KEY_ID) or WECHATPAY_PLATFORM_CERT must be set too: WeChat Pay's answers and notifications are verified with it",
    );
  return {
    mchId,
    appId,
    merchantSerialNo,
    privateKey,
    apiV3Key,
    publicKey,
    platformCert: e.WECHATPAY_PLATFORM_CERT,
    apiBase: e.WECHATPAY_API_BASE.replace(/\/+$/, ''),
  };
}

/** Loads an optional .env file (never overriding real env vars), then parses. */
export async function loadConfig(): Promise<AppConfig> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
