import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createOwner, signupFan } from '../../../test/factories.ts';
import type { BotLimits } from './bot-checks/bot-policy.ts';
import { attemptWith, call, codeOf, gateOptions, setUpFestival, testClock } from './festival-test-kit.ts';

/** Small limits so the specs stay short: 3 attempts per fan and 6 per browser pass, past 10 per fan refused. */
const limits: BotLimits = { windowMs: 10_000, fanChallengeAbove: 3, visitorChallengeAbove: 6, fanRefuseAbove: 10 };

type ErrorBody = { error: { code: string; params: { challenge: Challenge; reason: string; retryAfterSeconds?: number } } };
const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;
const solve = async (challenge: Challenge) => ({ challenge, solution: (await solveChallenge({ challenge, deriveKey }))! });

describe('festival purchase attempts: bot checks', () => {
  const clock = testClock();
  const t = useTestApp({}, { container: { now: clock.now, ...gateOptions(), festivalBotLimits: limits, festivalChallengeWork: 200 } });
  const attempt = attemptWith(t);
  let f: { id: string; itemId: string };
  let ownerCookie: string;

  beforeEach(async () => {
    clock.set('2026-11-01T00:00:00.000Z');
    ownerCookie = (await createOwner(t.app)).cookie;
    f = await setUpFestival(t.app, ownerCookie, { quota: 100, perFanLimit: 5 });
    clock.set('2026-11-11T12:30:00.000Z');
  });

  it('a fan hammering buy is asked to prove work; a solved challenge lets the attempt through once; other fans are unaffected', async () => {
    const fan = await signupFan(t.app);
    for (let i = 0; i < limits.fanChallengeAbove; i++) expect((await attempt(fan.cookie, f.itemId, `k-${i}`)).json()).toMatchObject({ answer: 'won' });
    const asked = await attempt(fan.cookie, f.itemId, 'k-next');
    expect(codeOf(asked)).toEqual([403, 'festival.challenge_required']);
    expect(errorOf(asked).params).toMatchObject({ reason: 'fan_rate', challenge: { parameters: { algorithm: 'SHA-256' }, signature: expect.any(String) } });
    const answer = await solve(errorOf(asked).params.challenge);
    const through = await attempt(fan.cookie, f.itemId, 'k-next', { quantity: 1, challenge: answer });
    expect(through.statusCode, through.body).toBe(200);
    expect(through.json()).toMatchObject({ answer: 'won' });
    // The same solution again is refused, with a new challenge to solve.
    const reused = await attempt(fan.cookie, f.itemId, 'k-again', { quantity: 1, challenge: answer });
    expect(codeOf(reused)).toEqual([403, 'festival.challenge_invalid']);
    expect(errorOf(reused).params.reason).toBe('reused');
    expect(errorOf(reused).params.challenge.parameters.nonce).not.toBe(answer.challenge.parameters.nonce);
    // A forged solution of the new one is refused too.
    const fresh = await solve(errorOf(reused).params.challenge);
    const forged = { ...fresh, solution: { ...fresh.solution, derivedKey: fresh.solution.derivedKey.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } };
    expect(codeOf(await attempt(fan.cookie, f.itemId, 'k-again', { quantity: 1, challenge: forged }))).toEqual([403, 'festival.challenge_invalid']);
    // Another fan: their first attempts pass untouched; this fan's solution is not theirs.
    const other = await signupFan(t.app);
    expect((await attempt(other.cookie, f.itemId, 'o-1')).json()).toMatchObject({ answer: 'won' });
    for (let i = 1; i < limits.fanChallengeAbove; i++) await attempt(other.cookie, f.itemId, `o-${i + 1}`);
    const notYours = await attempt(other.cookie, f.itemId, 'o-x', { quantity: 1, challenge: fresh });
    expect(codeOf(notYours)).toEqual([403, 'festival.challenge_invalid']);
    expect(errorOf(notYours).params.reason).toBe('not_yours');
    // Exactly the units of the attempts let through were sold; every refusal is counted.
    await t.container.attemptStats.flush();
    const board = (await call(t.app)('GET', `/api/admin/festivals/${f.id}/board`, ownerCookie)).json();
    expect(board.items[0]).toMatchObject({ sold: 4 + 3 });
    expect(board.figures.totals.byAnswer).toMatchObject({ won: 7, refused: 4 });
    // The report's kinds: one proof of work asked for trying fast, three answers that failed.
    const kinds = rowsOf<{ kind: string; n: number }>(
      await t.container.database.db.execute(sql`select kind, sum(count)::int as n from festival_refusals where festival_id = ${f.id} group by kind order by kind`),
    );
    expect(kinds).toEqual([
      { kind: 'challenge_fan_rate', n: 1 },
      { kind: 'challenge_invalid', n: 3 },
    ]);
  }, 60_000);

  it('past the hard limit a fan is refused with 429 and Retry-After, even with a solved challenge', async () => {
    const fan = await signupFan(t.app);
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < limits.fanRefuseAbove; i++) last = await attempt(fan.cookie, f.itemId, `k-${i}`);
    expect(codeOf(last!)).toEqual([403, 'festival.challenge_required']);
    const answer = await solve(errorOf(last!).params.challenge);
    const refused = await attempt(fan.cookie, f.itemId, 'k-last', { quantity: 1, challenge: answer });
    expect(codeOf(refused)).toEqual([429, 'festival.too_many_attempts']);
    // The window is 10 s and the clock stands at its start: 10 s to wait.
    expect(refused.headers['retry-after']).toBe('10');
    expect(errorOf(refused).params.retryAfterSeconds).toBe(10);
    // The next window starts clean.
    clock.set('2026-11-11T12:30:10.000Z');
    expect((await attempt(fan.cookie, f.itemId, 'k-later')).json()).toMatchObject({ answer: 'won' });
    await t.container.attemptStats.flush();
    const board = (await call(t.app)('GET', `/api/admin/festivals/${f.id}/board`, ownerCookie)).json();
    expect(board.figures.totals.byAnswer.refused).toBe(limits.fanRefuseAbove - limits.fanChallengeAbove + 1);
  }, 60_000);

  it('one browser (its fb_vid cookie) shared by many fans is limited; a forged visitor id is replaced', async () => {
    const first = await signupFan(t.app);
    const res = await attempt(first.cookie, f.itemId, 'v-0');
    expect(res.json()).toMatchObject({ answer: 'won' });
    const vid = res.cookies.find((c) => c.name === 'fb_vid');
    expect(vid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const browser = `fb_vid=${vid!.value}`;
    // The same browser keeps its id (no new cookie); five more fans sign in on it and attempt once each.
    const again = await signupFan(t.app);
    const second = await attempt(`${again.cookie}; ${browser}`, f.itemId, 'v-1');
    expect(second.json()).toMatchObject({ answer: 'won' });
    expect(second.cookies.find((c) => c.name === 'fb_vid')).toBeUndefined();
    for (let i = 2; i < limits.visitorChallengeAbove; i++) {
      const fan = await signupFan(t.app);
      expect((await attempt(`${fan.cookie}; ${browser}`, f.itemId, `v-${i}`)).json()).toMatchObject({ answer: 'won' });
    }
    const seventh = await signupFan(t.app);
    const asked = await attempt(`${seventh.cookie}; ${browser}`, f.itemId, 'v-7');
    expect(codeOf(asked)).toEqual([403, 'festival.challenge_required']);
    expect(errorOf(asked).params.reason).toBe('visitor_rate');
    // The same fan from another browser is let through; an unsigned id is not believed (a new one is set).
    const forged = await attempt(`${seventh.cookie}; fb_vid=${vid!.value.split('.')[0]}`, f.itemId, 'v-7');
    expect(forged.json()).toMatchObject({ answer: 'won' });
    expect(forged.cookies.find((c) => c.name === 'fb_vid')?.value).not.toBe(vid!.value);
  }, 60_000);
});
