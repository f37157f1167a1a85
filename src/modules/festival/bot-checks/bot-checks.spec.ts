import { randomUUID } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, describe, expect, it } from 'vitest';
import { createAttemptChallenges, type Challenge } from './attempt-challenge.ts';
import { createBotPolicy, DEFAULT_BOT_LIMITS } from './bot-policy.ts';
import type { BotStore } from './bot-store.ts';
import { createMemoryBotStore } from './memory-bot-store.ts';
import { createRedisBotStore } from './redis-bot-store.ts';

/** Both stores against one table of behaviour; Redis when TEST_REDIS_URL is set (.ci/run sets it). */
const redisUrl = process.env.TEST_REDIS_URL;
const prefix = `test:${randomUUID()}:`;
const opened: BotStore[] = [];
afterAll(async () => {
  if (redisUrl) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl);
    const found = await redis.keys(`${prefix}*`);
    if (found.length) await redis.del(...found);
    await redis.quit();
  }
  await Promise.all(opened.map((s) => s.close()));
});

const stores: { name: string; make: () => BotStore }[] = [{ name: 'in-process', make: () => createMemoryBotStore() }];
if (redisUrl) stores.push({ name: 'Redis', make: () => createRedisBotStore({ url: redisUrl, keyPrefix: prefix }) });

const solve = async (challenge: Challenge) => (await solveChallenge({ challenge, deriveKey }))!;
// Challenges expire by the clock (altcha-lib checks against now): the windows start at a real time.
const at = new Date(Math.floor(Date.now() / 10_000) * 10_000);
const later = (ms: number) => new Date(at.getTime() + ms);

describe.each(stores)('festival bot checks on the $name store', ({ make }) => {
  const store = make();
  opened.push(store);
  const challenges = createAttemptChallenges(store, { secret: 'a-test-secret-of-thirty-two-chars!', work: 50 });
  const policy = createBotPolicy({ store, challenges });
  const festivalId = () => randomUUID();

  it('counts each key per window, none lost under concurrency', async () => {
    const key = `k-${randomUUID()}`;
    const counts = await Promise.all(Array.from({ length: 40 }, () => store.hit([key], 10_000, at)));
    expect(counts.map(([n]) => n).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Another key, and the next window, start again.
    expect(await store.hit([`${key}-other`, key], 10_000, later(1))).toEqual([1, 41]);
    expect(await store.hit([key], 10_000, later(10_000))).toEqual([1]);
    await expect(store.hit([key], 5, at)).rejects.toThrow(RangeError);
  });

  it('a token is good once, and again only after its time', async () => {
    const key = `t-${randomUUID()}`;
    const firsts = await Promise.all(Array.from({ length: 10 }, () => store.once(key, 150)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await store.once(key, 150)).toBe(true);
  });

  it('lets a person click a few times, then asks for proof of work, which passes once', async () => {
    const source = { fanId: randomUUID(), visitorId: randomUUID(), festivalId: festivalId() };
    for (let i = 0; i < DEFAULT_BOT_LIMITS.fanChallengeAbove; i++) expect(await policy.check(source, at)).toEqual({ kind: 'allow' });
    const asked = await policy.check(source, at);
    expect(asked).toMatchObject({ kind: 'challenge', reason: 'fan_rate' });
    if (asked.kind !== 'challenge') return;
    const answer = { challenge: asked.challenge, solution: await solve(asked.challenge) };
    expect(await policy.check({ ...source, answer }, at)).toEqual({ kind: 'allow' });
    // The same answer again is a replay: a new challenge, saying why.
    expect(await policy.check({ ...source, answer }, at)).toMatchObject({ kind: 'challenge', reason: 'reused' });
    // Another fan cannot use it; a forged solution fails.
    const other = { ...source, fanId: randomUUID() };
    for (let i = 0; i < DEFAULT_BOT_LIMITS.fanChallengeAbove; i++) await policy.check(other, at);
    expect(await policy.check({ ...other, answer }, at)).toMatchObject({ kind: 'challenge', reason: 'not_yours' });
    const fresh = await challenges.issue(source.fanId, at);
    const solved = await solve(fresh);
    const forged = { challenge: fresh, solution: { ...solved, derivedKey: solved.derivedKey.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } };
    expect(await policy.check({ ...source, answer: forged }, at)).toMatchObject({ kind: 'challenge', reason: 'invalid' });
    // The next window starts clean.
    expect(await policy.check(source, later(DEFAULT_BOT_LIMITS.windowMs))).toEqual({ kind: 'allow' });
  });

  it('an expired challenge does not pass', async () => {
    const fanId = randomUUID();
    const challenge = await challenges.issue(fanId, new Date(Date.now() - challenges.ttlMs - 5_000));
    expect(await challenges.check(fanId, { challenge, solution: await solve(challenge) })).toBe('expired');
  });

  it('asks one browser for proof of work when many fans attempt from it', async () => {
    const visitorId = randomUUID();
    const id = festivalId();
    const verdicts = [];
    for (let i = 0; i <= DEFAULT_BOT_LIMITS.visitorChallengeAbove; i++) verdicts.push(await policy.check({ fanId: randomUUID(), visitorId, festivalId: id }, at));
    expect(verdicts.slice(0, -1).every((v) => v.kind === 'allow')).toBe(true);
    expect(verdicts.at(-1)).toMatchObject({ kind: 'challenge', reason: 'visitor_rate' });
  });

  it('refuses a fan far past the limit even with a valid answer', async () => {
    const source = { fanId: randomUUID(), visitorId: null, festivalId: festivalId() };
    let last;
    for (let i = 0; i < DEFAULT_BOT_LIMITS.fanRefuseAbove; i++) last = await policy.check(source, at);
    expect(last).toMatchObject({ kind: 'challenge' });
    if (last?.kind !== 'challenge') return;
    const answer = { challenge: last.challenge, solution: await solve(last.challenge) };
    expect(await policy.check({ ...source, answer }, at)).toEqual({ kind: 'refuse', reason: 'fan_rate' });
  });

  it('switched off (FESTIVAL_BOT_CHECKS=off) lets every attempt through and counts nothing', async () => {
    const off = createBotPolicy({ store, challenges, enabled: false });
    const source = { fanId: randomUUID(), visitorId: 'one-browser', festivalId: festivalId() };
    for (let i = 0; i < DEFAULT_BOT_LIMITS.fanRefuseAbove + 5; i++) expect(await off.check(source, at)).toEqual({ kind: 'allow' });
    // Nothing was counted: switched on again, the fan starts from zero.
    expect(await policy.check(source, at)).toEqual({ kind: 'allow' });
  });
});
