import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, resetDatabase, type TestDatabase } from '../../../test/engine.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { idempotencyRepository } from './idempotency.repository.ts';
import { createIdempotencyService, fingerprintOf, KEY_TTL_MS, LEASE_MS } from './idempotency.service.ts';
import { idempotencyKeys } from './workflows.table.ts';
import { gate } from '../../../test/gate.ts';

const STAFF_A = '00000000-0000-4000-8000-00000000000a';
const STAFF_B = '00000000-0000-4000-8000-00000000000b';
const SCOPE = 'POST /api/admin/things';

describe('idempotency keys: a retried request gets the first answer, the work is done once', () => {
  let database: TestDatabase;
  const log = pino({ level: 'silent' });
  let clock = Date.now();
  const ctxOf = (actor: Ctx['actor']): Ctx => ({ actor, db: database.db, now: () => new Date(clock), log });
  const staff = (id = STAFF_A) => ctxOf({ kind: 'staff', staffId: id, role: 'staff' });
  /** One service per simulated server instance, over the same database. */
  const instance = () => createIdempotencyService({ repo: idempotencyRepository });
  const request = (body: unknown, key = 'key-1') => ({ scope: SCOPE, key, request: { url: '/api/admin/things', body } });

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  beforeEach(async () => {
    clock = Date.now();
    await resetDatabase(database);
  });
  afterAll(async () => database?.close());

  it('answers a retry with the first answer without doing the work again', async () => {
    const keys = instance();
    let calls = 0;
    const work = async (key: string) => ({ made: ++calls, key });
    const first = await keys.once(staff(), { ...request({ name: 'a', n: 1 }), status: 201 }, work);
    expect(first).toEqual({ replayed: false, status: 201, body: { made: 1, key: 'key-1' } });
    // Same request with its keys in another order: still the same request.
    const again = await keys.once(staff(), { ...request({ n: 1, name: 'a' }), status: 201 }, work);
    expect(again).toEqual({ replayed: true, status: 201, body: { made: 1, key: 'key-1' } });
    // Another instance answers the same.
    expect(await instance().once(staff(), request({ name: 'a', n: 1 }), work)).toMatchObject({ replayed: true, body: { made: 1 } });
    expect(calls).toBe(1);
    const [row] = await database.db.select().from(idempotencyKeys);
    expect(row).toMatchObject({ scope: SCOPE, caller: `staff:${STAFF_A}`, key: 'key-1', status: 'completed', responseStatus: 201, lockedUntil: null });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(KEY_TTL_MS);
  });

  it('refuses the same key on a different request with 409 idempotency.key_reused', async () => {
    const keys = instance();
    await keys.once(staff(), request({ name: 'a' }), async () => ({ ok: true }));
    await expect(keys.once(staff(), request({ name: 'b' }), async () => ({ ok: true }))).rejects.toMatchObject({
      status: 409,
      code: 'idempotency.key_reused',
    });
    // The URL is part of the request: the same body to another fan is another request.
    await expect(
      keys.once(staff(), { scope: SCOPE, key: 'key-1', request: { url: '/api/admin/things?fan=2', body: { name: 'a' } } }, async () => 1),
    ).rejects.toMatchObject({
      code: 'idempotency.key_reused',
    });
  });

  it('lets exactly one of many concurrent requests with one key do the work; the others hear it is in progress', async () => {
    const fleet = [instance(), instance()];
    const g = gate();
    let calls = 0;
    const work = async () => {
      calls += 1;
      g.started();
      await g.opened;
      return { done: true };
    };
    let settled = 0;
    const attempts = Array.from({ length: 12 }, (_, i) =>
      fleet[i % 2]!.once(staff(), request({ name: 'a' }), work)
        .then(
          (outcome) => ({ outcome }),
          (error: AppError) => ({ error }),
        )
        .finally(() => (settled += 1)),
    );
    await g.began;
    // Everyone but the one doing the work is answered while the work is still going.
    await vi.waitFor(() => expect(settled).toBe(11), { timeout: 10_000 });
    g.open();
    const results = await Promise.all(attempts);
    expect(calls).toBe(1);
    expect(results.filter((r) => 'outcome' in r)).toEqual([{ outcome: { replayed: false, status: 200, body: { done: true } } }]);
    expect(results.filter((r) => 'error' in r).map((r) => 'error' in r && [r.error.status, r.error.code])).toEqual(
      Array.from({ length: 11 }, () => [409, 'idempotency.in_progress']),
    );
    expect(await fleet[1]!.once(staff(), request({ name: 'a' }), work)).toMatchObject({ replayed: true, body: { done: true } });
  });

  it('keeps a 4xx failure as the answer, and releases the key after a crash so a retry does the work', async () => {
    const keys = instance();
    let calls = 0;
    const refuse = async () => {
      calls += 1;
      throw new AppError(
        'import.missing_email_column',
        {},
        { message: 'The CSV needs an "email" column', details: [{ path: 'csv', issue: 'required', message: 'no email' }] },
      );
    };
    await expect(keys.once(staff(), request('csv'), refuse)).rejects.toMatchObject({ code: 'import.missing_email_column' });
    expect(await keys.once(staff(), request('csv'), refuse)).toEqual({
      replayed: true,
      status: 400,
      body: {
        error: {
          code: 'import.missing_email_column',
          message: 'The CSV needs an "email" column',
          params: {},
          details: [{ path: 'csv', issue: 'required', message: 'no email' }],
        },
      },
    });
    expect(calls).toBe(1);

    const crash = async () => {
      calls += 1;
      throw new Error('connection reset');
    };
    await expect(keys.once(staff(), request('other', 'key-2'), crash)).rejects.toThrow('connection reset');
    const busy = async () => {
      calls += 1;
      throw new AppError('rate_limited', { retryAfterSeconds: 5 }, { message: 'slow down' });
    };
    await expect(keys.once(staff(), request('other', 'key-2'), busy)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await keys.once(staff(), request('other', 'key-2'), async () => 'fine')).toEqual({ replayed: false, status: 200, body: 'fine' });
    expect(calls).toBe(3);
  });

  it('lets an expired key be used again, for any request, and purges expired keys', async () => {
    const keys = instance();
    await keys.once(staff(), request({ v: 1 }), async () => 'first');
    await keys.once(staff(), request({ v: 1 }, 'key-2'), async () => 'second');
    clock += KEY_TTL_MS - 1;
    await expect(keys.once(staff(), request({ v: 2 }), async () => 'x')).rejects.toMatchObject({ code: 'idempotency.key_reused' });
    clock += 1;
    expect(await keys.once(staff(), request({ v: 2 }), async () => 'again')).toEqual({ replayed: false, status: 200, body: 'again' });
    expect(await keys.purgeExpired(staff())).toBe(1);
    expect((await database.db.select().from(idempotencyKeys)).map((k) => k.key)).toEqual(['key-1']);
    await expect(keys.purgeExpired(ctxOf({ kind: 'fan', fanId: STAFF_A }))).rejects.toMatchObject({ status: 403 });
  });

  it('takes over the key of a request whose process died (its lease ran out), but only for the same request', async () => {
    const at = new Date(clock - LEASE_MS - 1);
    await database.db.insert(idempotencyKeys).values({
      scope: SCOPE,
      caller: `staff:${STAFF_A}`,
      key: 'key-1',
      fingerprint: fingerprintOf({ url: '/api/admin/things', body: { name: 'a' } }),
      status: 'in_progress',
      claimId: '00000000-0000-4000-8000-0000000000cc',
      lockedUntil: new Date(clock - 1),
      createdAt: at,
      expiresAt: new Date(at.getTime() + KEY_TTL_MS),
    });
    const keys = instance();
    await expect(keys.once(staff(), request({ name: 'b' }), async () => 'other')).rejects.toMatchObject({ code: 'idempotency.key_reused' });
    expect(await keys.once(staff(), request({ name: 'a' }), async () => 'redone')).toEqual({ replayed: false, status: 200, body: 'redone' });

    // Past its day but still renewed by a live holder (a very long import): still in progress.
    await database.db.insert(idempotencyKeys).values({
      scope: SCOPE,
      caller: `staff:${STAFF_A}`,
      key: 'key-long',
      fingerprint: 'f',
      status: 'in_progress',
      claimId: '00000000-0000-4000-8000-0000000000dd',
      lockedUntil: new Date(clock + LEASE_MS),
      createdAt: new Date(clock - KEY_TTL_MS - 1),
      expiresAt: new Date(clock - 1),
    });
    await expect(keys.once(staff(), request({ name: 'a' }, 'key-long'), async () => 'x')).rejects.toMatchObject({ code: 'idempotency.in_progress' });
    expect(await keys.purgeExpired(staff())).toBe(0);
  });

  it('keeps each caller’s keys apart', async () => {
    const keys = instance();
    expect((await keys.once(staff(STAFF_A), request({ v: 1 }), async () => 'a')).body).toBe('a');
    expect(await keys.once(staff(STAFF_B), request({ v: 1 }), async () => 'b')).toEqual({ replayed: false, status: 200, body: 'b' });
    expect((await keys.once(ctxOf({ kind: 'system' }), request({ v: 1 }), async () => 'cli')).body).toBe('cli');
  });

  it('refuses keys that are empty, too long or not printable, and callers who are not signed in', async () => {
    const keys = instance();
    for (const key of ['', '   ', 'x'.repeat(201), 'tab\there', 'é']) {
      await expect(
        keys.once(staff(), request('x', key), async () => 1),
        JSON.stringify(key),
      ).rejects.toMatchObject({
        status: 400,
        code: 'idempotency.invalid_key',
      });
    }
    expect((await keys.once(staff(), request('x', 'k'.repeat(200)), async () => 1)).replayed).toBe(false);
    await expect(keys.once(ctxOf({ kind: 'anonymous' }), request('x'), async () => 1)).rejects.toMatchObject({
      status: 401,
      code: 'idempotency.sign_in_required',
    });
  });

  it('fingerprints a request by its content, not its key order', () => {
    expect(fingerprintOf({ a: 1, b: [1, 'x', null] })).toBe(fingerprintOf({ b: [1, 'x', null], a: 1 }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: '1' }));
    expect(fingerprintOf(['ab', 'c'])).not.toBe(fingerprintOf(['a', 'bc']));
    expect(fingerprintOf('csv')).toMatch(/^[0-9a-f]{64}$/);
  });
});
