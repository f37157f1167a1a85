import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './env.ts';

describe('configuration from environment variables', () => {
  it('has working defaults for a fresh machine', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: './data', databaseUrl: undefined, logLevel: undefined, logFormat: undefined });
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.publicBaseUrlConfigured).toBe(false);
    expect(c.secureCookies).toBe(false);
    expect(c).toMatchObject({ publicOrigin: undefined, trustProxy: false, metricsToken: undefined });
  });

  it('builds links on the address the server listens on until PUBLIC_BASE_URL is set', () => {
    expect(parseConfig({ HOST: '127.0.0.1', PORT: '8080' }).publicBaseUrl).toBe('http://127.0.0.1:8080');
    expect(parseConfig({ HOST: '::1' }).publicBaseUrl).toBe('http://[::1]:3000');
    expect(parseConfig({ HOST: '::' }).publicBaseUrl).toBe('http://localhost:3000');
    const set = parseConfig({ HOST: '127.0.0.1', PUBLIC_BASE_URL: 'https://fans.example.com' });
    expect(set).toMatchObject({ publicBaseUrl: 'https://fans.example.com', publicBaseUrlConfigured: true });
  });

  it('says what each setting wants, never how a validator failed', () => {
    const message = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (err) {
        return (err as ConfigError).message;
      }
      throw new Error('accepted');
    };
    expect(message({ PORT: 'abc' })).toBe('Invalid configuration: PORT must be a port number from 0 to 65535, such as 3000 (got "abc")');
    expect(message({ PORT: '70000' })).toBe('Invalid configuration: PORT must be a port number from 0 to 65535, such as 3000 (got "70000")');
    expect(message({ PORT: '80.5' })).toMatch(/^Invalid configuration: PORT must be a port number/);
    expect(message({ LOG_LEVEL: 'loud' })).toBe('Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
    expect(message({ LOG_FORMAT: 'pretty' })).toBe(
      'Invalid configuration: LOG_FORMAT must be json (one JSON object a line) or text (one readable line each) (got "pretty")',
    );
    expect(message({ PUBLIC_BASE_URL: 'fans.example.com' })).toBe(
      'Invalid configuration: PUBLIC_BASE_URL must be the http:// or https:// address people open, such as https://fans.example.com (got "fans.example.com")',
    );
  });

  it('reads LOG_LEVEL and LOG_FORMAT, unset meaning "choose for me"', () => {
    expect(parseConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' })).toMatchObject({ logLevel: 'debug', logFormat: 'json' });
    expect(parseConfig({ LOG_LEVEL: '', LOG_FORMAT: ' ' })).toMatchObject({ logLevel: undefined, logFormat: undefined });
  });

  it('keeps the origin of a configured public base URL for the cross-site check', () => {
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://Fans.Example.com:443/app/' }).publicOrigin).toBe('https://fans.example.com');
  });

  it.each([
    ['', false],
    ['0', false],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    [' 10.1.2.3 , 192.168.0.0/16,fd00::/8, ::1 ', ['10.1.2.3', '192.168.0.0/16', 'fd00::/8', '::1']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads TRUST_PROXY=%j', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('reads the order payment window in minutes, 15 by default, from 1 to 1440', () => {
    expect(parseConfig({}).orderPaymentWindowMinutes).toBe(15);
    expect(parseConfig({ ORDER_PAYMENT_WINDOW_MINUTES: '30' }).orderPaymentWindowMinutes).toBe(30);
    expect(parseConfig({ ORDER_PAYMENT_WINDOW_MINUTES: '1440' }).orderPaymentWindowMinutes).toBe(1440);
    for (const bad of ['0', '1441', '2.5', 'soon'])
      expect(() => parseConfig({ ORDER_PAYMENT_WINDOW_MINUTES: bad })).toThrow(
        `Invalid configuration: ORDER_PAYMENT_WINDOW_MINUTES must be a whole number of minutes from 1 to 1440 (got "${bad}")`,
      );
  });

  it('keeps the festival bot checks on unless FESTIVAL_BOT_CHECKS=off', () => {
    expect(parseConfig({}).festivalBotChecks).toBe(true);
    expect(parseConfig({ FESTIVAL_BOT_CHECKS: 'on' }).festivalBotChecks).toBe(true);
    expect(parseConfig({ FESTIVAL_BOT_CHECKS: 'off' }).festivalBotChecks).toBe(false);
    expect(() => parseConfig({ FESTIVAL_BOT_CHECKS: 'no' })).toThrow(
      'Invalid configuration: FESTIVAL_BOT_CHECKS must be on (the default) or off (benchmarks only) (got "no")',
    );
  });

  it('never repeats a secret in its error', () => {
    expect(() => parseConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(/^Invalid configuration: METRICS_TOKEN must be at least 16 characters$/);
    expect(parseConfig({ METRICS_TOKEN: 'a-long-enough-metrics-token' }).metricsToken).toBe('a-long-enough-metrics-token');
  });

  it('configures Stripe with both of its keys, or not at all', () => {
    expect(parseConfig({}).stripe).toBeUndefined();
    const keys = { STRIPE_SECRET_KEY: 'sk_test_51abcDEF', STRIPE_WEBHOOK_SECRET: 'whsec_0123abc' };
    expect(parseConfig(keys).stripe).toEqual({ secretKey: 'sk_test_51abcDEF', webhookSecret: 'whsec_0123abc' });
    expect(parseConfig({ ...keys, STRIPE_API_BASE: 'http://127.0.0.1:12111' }).stripe?.api).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(parseConfig({ ...keys, STRIPE_API_BASE: 'https://stripe-proxy.internal/' }).stripe?.api).toEqual({
      host: 'stripe-proxy.internal',
      port: 443,
      protocol: 'https',
    });
    expect(() => parseConfig({ STRIPE_SECRET_KEY: 'sk_live_51abcDEF' })).toThrow(
      /^Invalid configuration: STRIPE_WEBHOOK_SECRET must be set too when STRIPE_SECRET_KEY is \(Stripe needs both, or neither\)$/,
    );
    expect(() => parseConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_0123abc' })).toThrow(/^Invalid configuration: STRIPE_SECRET_KEY must be set too/);
    // A wrong key is named, never repeated.
    expect(() => parseConfig({ ...keys, STRIPE_SECRET_KEY: 'sk_test_has spaces' })).toThrow(
      /^Invalid configuration: STRIPE_SECRET_KEY must be a Stripe secret key \([^)]*\)$/,
    );
  });

  it('marks cookies Secure when the public base URL is https', () => {
    const c = parseConfig({ PUBLIC_BASE_URL: 'https://fans.example.com/' });
    expect(c.publicBaseUrl).toBe('https://fans.example.com');
    expect(c.secureCookies).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it('puts Redis keys under fanbase: unless REDIS_KEY_PREFIX says otherwise', () => {
    expect(parseConfig({}).redisKeyPrefix).toBe('fanbase:');
    expect(parseConfig({ REDIS_KEY_PREFIX: 'brand-a:' }).redisKeyPrefix).toBe('brand-a:');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_KEY_PREFIX', 'shop *'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'pretty'],
    ['PUBLIC_BASE_URL', 'ftp://example.com'],
    ['SESSION_SECRET', 'too-short'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'proxy.internal'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.1,'],
    ['TRUST_PROXY', '-1'],
    ['METRICS_TOKEN', 'short'],
    ['STRIPE_SECRET_KEY', 'pk_test_abc'],
    ['STRIPE_WEBHOOK_SECRET', 'not-a-signing-secret'],
    ['STRIPE_API_BASE', 'localhost:12111'],
  ])('names the bad variable %s=%s', (variable, value) => {
    let caught: unknown;
    try {
      parseConfig({ [variable]: value });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as ConfigError).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect((caught as ConfigError).message).not.toMatch(/expected|received|invalid (input|option)/i);
  });
});
