import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './env.ts';

describe('configuration from environment variables', () => {
  it('has working defaults for a fresh machine', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: './data', databaseUrl: undefined, logLevel: 'info' });
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
  });

  it('marks cookies Secure when the public base URL is https', () => {
    const c = parseConfig({ PUBLIC_BASE_URL: 'https://fans.example.com/' });
    expect(c.publicBaseUrl).toBe('https://fans.example.com');
    expect(c.secureCookies).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'localhost:6379'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_BASE_URL', 'ftp://example.com'],
    ['SESSION_SECRET', 'too-short'],
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
  });
});
