import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES, FIELD_ISSUE_LIST, FIELD_ISSUES, type ErrorCode } from '../src/core/errors.schemas.ts';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import zhCN from '../web/src/i18n/zh-CN.json' with { type: 'json' };
import { LIFTED_ADDRESS_LIMITS, useTestApp } from './app.ts';
import { createOwner, signupFan } from './factories.ts';

const SRC = path.resolve(import.meta.dirname, '../src');
const CATALOGUE = path.join(SRC, 'core/errors.schemas.ts');

/** The server's own files (no specs), with their text. */
function sourceFiles(dir = SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [{ file: path.relative(SRC, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

/** The message a locale file has at a dotted key, if it is a string. */
function messageAt(locale: unknown, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), locale);
  return typeof value === 'string' ? value : undefined;
}

/** `{{name}}` and `{{name, format}}` placeholders of a message. */
const placeholders = (message: string) => [...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!);

const LOCALES = { en, 'zh-CN': zhCN };

describe('error codes: one catalogue, translated in the web app', () => {
  const files = sourceFiles();

  it('has every code the server code emits in the catalogue, and no code nobody emits', () => {
    const emitted = new Map<string, string>();
    for (const { file, text } of files) {
      // AppError, notFound and errorBody are the only ways to build an error answer.
      for (const m of text.matchAll(/\b(?:new AppError|notFound|errorBody)\(\s*'([^']+)'/g)) emitted.set(m[1]!, file);
      for (const m of text.matchAll(/(?:\?|:)\s*'((?:request|route)\.[a-z_]+|not_found|bad_request)'/g)) emitted.set(m[1]!, file);
    }
    const unknown = [...emitted].filter(([code]) => !Object.hasOwn(ERROR_CODES, code));
    expect(unknown, 'codes thrown but missing from src/core/errors.schemas.ts').toEqual([]);
    expect(emitted.size).toBeGreaterThan(30);

    // No error answer is written by hand, past the catalogue's types.
    const handWritten = files.filter(({ text }) => /error:\s*\{\s*code\b/.test(text)).map(({ file }) => file);
    expect(handWritten.filter((file) => file !== 'core/errors.ts')).toEqual([]);

    const others = files.filter(({ file }) => path.join(SRC, file) !== CATALOGUE);
    const unused = ERROR_CODE_LIST.filter((code) => !others.some(({ text }) => text.includes(`'${code}'`)));
    expect(unused, 'catalogue codes no code emits').toEqual([]);
  });

  it.each(Object.entries(LOCALES))('has a %s message for every code and field issue, using only its params', (_lng, locale) => {
    const missing: string[] = [];
    const badParams: string[] = [];
    const check = (key: string, params: string[]) => {
      const message = messageAt(locale, key);
      if (!message?.trim()) return missing.push(key);
      for (const name of placeholders(message)) if (!params.includes(name)) badParams.push(`${key}: {{${name}}}`);
    };
    for (const code of ERROR_CODE_LIST) check(`errors.codes.${code}`, Object.keys(ERROR_CODES[code].params.shape));
    for (const issue of FIELD_ISSUE_LIST) check(`errors.fields.${issue}`, Object.keys(FIELD_ISSUES[issue]));
    expect(missing).toEqual([]);
    expect(badParams).toEqual([]);
  });

  it('finds a code without messages (the check above is not vacuous)', () => {
    expect(messageAt(en, 'errors.codes.auth.invalid_credentials')).toBe('Email or password is incorrect.');
    expect(messageAt(zhCN, 'errors.codes.no_such.code')).toBeUndefined();
    expect(messageAt(zhCN, 'errors.codes.auth')).toBeUndefined();
  });
});

describe('error answers carry their code and params', () => {
  const t = useTestApp({ credentialLimit: { max: 2, timeWindow: '1 minute' } });

  /** The answer's code is in the catalogue, with its status and exactly its params. */
  function expectCatalogued(res: LightMyRequestResponse, code: ErrorCode) {
    const { error } = res.json();
    expect(error.code, res.body).toBe(code);
    expect(res.statusCode).toBe(ERROR_CODES[code].status);
    expect(ERROR_CODES[code].params.safeParse(error.params).success, `${code} params ${JSON.stringify(error.params)}`).toBe(true);
    for (const detail of error.details ?? []) expect(FIELD_ISSUE_LIST, JSON.stringify(detail)).toContain(detail.issue);
    return error;
  }

  it('answers sign-in, sign-up, segment and validation failures with catalogued codes', async () => {
    const fan = await signupFan(t.app);
    expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: fan.email, password: 'wrong-password' } }),
      'auth.invalid_credentials',
    );
    const taken = expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/fan/signup', payload: { email: fan.email, displayName: 'Again', password: 'fan-password-1' } }),
      'fan.email_taken',
    );
    expect(taken.details).toEqual([{ path: 'email', issue: 'taken', message: 'is already registered' }]);

    const owner = await createOwner(t.app);
    expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/console/login', payload: { email: owner.email, password: 'wrong-password' } }),
      'auth.invalid_credentials',
    );
    const segment = { name: 'VIP', filter: {} };
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: { cookie: owner.cookie }, payload: segment })).statusCode).toBe(201);
    const dup = expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/admin/segments', headers: { cookie: owner.cookie }, payload: segment }),
      'segment.name_taken',
    );
    expect(dup.params).toEqual({ name: 'VIP' });

    const invalid = expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/fan/signup', payload: { email: 'not-an-email', displayName: '', password: 'short' } }),
      'validation_failed',
    );
    expect(invalid.params).toEqual({ path: invalid.details[0].path, in: 'body' });
    const issues = Object.fromEntries(invalid.details.map((d: { path: string; issue: string; params?: unknown }) => [d.path, [d.issue, d.params]]));
    expect(issues).toEqual({ email: ['invalid_email', undefined], displayName: ['required', undefined], password: ['too_short', { minimum: 8 }] });

    const article = { title: 'Ad', bodyMarkdown: 'x', kind: 'sponsored' };
    const sponsored = expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/admin/articles', headers: { cookie: owner.cookie }, payload: article }),
      'validation_failed',
    );
    expect(sponsored.details.map((d: { issue: string }) => d.issue)).toEqual(['required', 'required']);
  });

  it("answers a route's rate limit with the seconds to wait", async () => {
    const fan = await signupFan(t.app);
    const login = () => t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: fan.email, password: 'wrong-password' } });
    await login();
    await login();
    const limited = await login();
    const error = expectCatalogued(limited, 'rate_limited');
    expect(error.params.retryAfterSeconds).toBe(Number(limited.headers['retry-after']));
    expect(error.params.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.params.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('answers framework refusals with catalogued codes', async () => {
    expectCatalogued(await t.app.inject({ method: 'GET', url: '/api/nothing-here' }), 'route.not_found');
    expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/fan/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' }),
      'request.invalid_json',
    );
    const nul = expectCatalogued(
      await t.app.inject({ method: 'POST', url: '/api/fan/login', payload: { email: 'a\u0000@example.com', password: 'x' } }),
      'validation_failed',
    );
    expect(nul.details[0].issue).toBe('nul_character');
    expectCatalogued(await t.app.inject({ method: 'GET', url: '/api/admin/fans' }), 'auth.unauthenticated');
  });
});

describe('the per-address limit answers with its params too', () => {
  const t = useTestApp({ addressLimits: { ...LIFTED_ADDRESS_LIMITS, 'sign-up': { max: 1, windowMs: 10 * 60_000 } } });

  it('tells how long to wait, in seconds, like the route limits', async () => {
    await signupFan(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/fan/signup',
      payload: { email: 'second@example.com', displayName: 'Second', password: 'fan-password-1' },
    });
    expect(res.statusCode, res.body).toBe(429);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 'rate_limited', params: { retryAfterSeconds: Number(res.headers['retry-after']) } });
    expect(error.params.retryAfterSeconds).toBeGreaterThan(60);
  });
});
