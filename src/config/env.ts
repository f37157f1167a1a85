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

/** Unset or blank, or else the value given. */
const portField = optionalString.pipe(z.coerce.number<string | undefined>(PORT_WANTED).int(PORT_WANTED).min(0, PORT_WANTED).max(65535, PORT_WANTED).default(3000));

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
  SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS, wanted(`must be one of ${LOG_LEVELS.join(', ')}`)).optional()),
  LOG_FORMAT: optionalString.pipe(z.enum(LOG_FORMATS, wanted('must be json (one JSON object a line) or text (one readable line each)')).optional()),
  PUBLIC_BASE_URL: optionalString.pipe(
    z.url({ protocol: /^https?$/, ...wanted('must be the http:// or https:// address people open, such as https://fans.example.com') }).optional(),
  ),
  TRUST_PROXY: trustProxy,
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
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
  /** Stripe payments, when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are both set. */
  stripe: { secretKey: string; webhookSecret: string; api?: StripeApiAddress } | undefined;
};

/** Variables whose value an error message must not repeat. */
const SECRETS = new Set(['SESSION_SECRET', 'METRICS_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);

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
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    publicBaseUrl,
    publicBaseUrlConfigured: e.PUBLIC_BASE_URL !== undefined,
    publicOrigin: e.PUBLIC_BASE_URL === undefined ? undefined : new URL(e.PUBLIC_BASE_URL).origin,
    secureCookies: publicBaseUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
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

/** Loads an optional .env file (never overriding real env vars), then parses. */
export async function loadConfig(): Promise<AppConfig> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
