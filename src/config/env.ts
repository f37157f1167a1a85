import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once at start; a bad value becomes a ConfigError that
 * names the variable, and the CLI prints that one line and exits with code 1.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  FANBASE_DATA_DIR: z.string().trim().min(1).default('./data'),
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
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  PUBLIC_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TRUST_PROXY: trustProxy,
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
});

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  sessionSecret: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  publicBaseUrl: string;
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
};

/** Variables whose value an error message must not repeat. */
const SECRETS = new Set(['SESSION_SECRET', 'METRICS_TOKEN']);

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    const shown = value === undefined || SECRETS.has(variable) ? '' : ` (got "${value}")`;
    throw new ConfigError(variable, `${issue.message.toLowerCase()}${shown}`);
  }
  const e = result.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.FANBASE_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    publicBaseUrl,
    publicOrigin: e.PUBLIC_BASE_URL === undefined ? undefined : new URL(e.PUBLIC_BASE_URL).origin,
    secureCookies: publicBaseUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** Loads an optional .env file (never overriding real env vars), then parses. */
export async function loadConfig(): Promise<AppConfig> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
