import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { bucketOf, LATENCY_BOUNDS, quantileOf, type AttemptStats } from './attempt-stats.ts';
import { createMemoryAttemptStats } from './memory-attempt-stats.ts';
import { createRedisAttemptStats } from './redis-attempt-stats.ts';

/** Both stores against one table of behaviour; Redis when TEST_REDIS_URL is set (.ci/run sets it). */
const redisUrl = process.env.TEST_REDIS_URL;
const prefix = `test:${randomUUID()}:`;
const opened: AttemptStats[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  if (redisUrl) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl);
    const found = await redis.keys(`${prefix}*`);
    if (found.length) await redis.del(...found);
    await redis.quit();
  }
});

const stores: { name: string; make: () => AttemptStats; shared: boolean }[] = [{ name: 'in-process', make: createMemoryAttemptStats, shared: false }];
if (redisUrl) stores.push({ name: 'Redis', make: () => createRedisAttemptStats({ url: redisUrl, keyPrefix: prefix }), shared: true });

const t0 = new Date('2026-11-11T12:00:00.000Z');
const at = (s: number, ms = 0) => new Date(t0.getTime() + s * 1000 + ms);

describe('answer-time quantiles', () => {
  it('reports the bucket bound at or above the true quantile', () => {
    const counts = new Array<number>(LATENCY_BOUNDS.length).fill(0);
    for (const ms of [...Array.from({ length: 98 }, () => 3), 18, 240]) counts[bucketOf(ms)]! += 1;
    expect(quantileOf(counts, 0.5)).toBe(3);
    expect(quantileOf(counts, 0.99)).toBe(20);
    expect(quantileOf(counts, 1)).toBe(300);
    expect(quantileOf(new Array<number>(LATENCY_BOUNDS.length).fill(0), 0.99)).toBe(0);
    expect(bucketOf(1e9)).toBe(LATENCY_BOUNDS.length - 1);
  });
});

describe.each(stores)('the $name attempt figures', ({ make, shared }) => {
  const stats = make();
  opened.push(stats);

  it('counts attempts and answers per second, units and value won, participants once, and answer times', async () => {
    const festival = randomUUID();
    const fans = ['a', 'b', 'c'];
    // Second 0: 3 won (2 units each, ¥99 a unit), 1 sold out; second 2: 4 sold out (one fan again); nothing in second 1.
    for (const fanId of fans) stats.record(festival, { answer: 'won', ms: 4, fanId, units: 2, amountMinor: 19_800 }, at(0, 100));
    stats.record(festival, { answer: 'sold_out', ms: 2, fanId: 'd' }, at(0, 900));
    for (let i = 0; i < 4; i++) stats.record(festival, { answer: 'sold_out', ms: i === 3 ? 90 : 1, fanId: i === 0 ? 'a' : `e${i}` }, at(2, 10));
    stats.record(randomUUID(), { answer: 'won', ms: 1, fanId: 'z', units: 1 }, at(0)); // another festival
    await stats.flush();

    const f = await stats.figures(festival, at(3, 500), 4);
    expect(f.seconds.map((s) => [s.attempts, s.won, s.unitsWon, s.byAnswer.sold_out])).toEqual([
      [0, 0, 0, 0], // second -1
      [4, 3, 6, 1],
      [0, 0, 0, 0],
      [4, 0, 0, 4],
    ]);
    expect(f.seconds[1]!.at).toBe('2026-11-11T12:00:00.000Z');
    expect(f.totals).toEqual({
      attempts: 8,
      byAnswer: { won: 3, sold_out: 5, limit_reached: 0, not_started: 0, ended: 0, not_eligible: 0, busy: 0, refused: 0 },
      unitsWon: 6,
      wonMinor: 59_400,
      participants: 7,
    });
    expect(f.latency).toEqual({ p50: 2, p99: 100, samples: 8 });
    // The second being lived is not on the board yet; an unknown festival is all zeros.
    expect((await stats.figures(festival, at(2, 500), 1)).seconds[0]!.attempts).toBe(0);
    expect((await stats.figures(randomUUID(), at(3), 2)).totals.attempts).toBe(0);
    await expect(stats.figures(festival, at(3), 0)).rejects.toThrow(RangeError);
  });

  // The in-process store is one process's by definition: this is Redis's alone.
  if (shared)
    it('adds up the attempts of several server processes', async () => {
      const festival = randomUUID();
      const other = make();
      opened.push(other);
      stats.record(festival, { answer: 'won', ms: 3, fanId: 'a', units: 1, amountMinor: 100 }, at(0));
      other.record(festival, { answer: 'won', ms: 3, fanId: 'b', units: 1, amountMinor: 100 }, at(0));
      other.record(festival, { answer: 'busy', ms: 1, fanId: 'a' }, at(0));
      await Promise.all([stats.flush(), other.flush()]);
      const f = await other.figures(festival, at(1), 1);
      expect(f.seconds[0]).toMatchObject({ attempts: 3, won: 2, unitsWon: 2 });
      expect(f.totals).toMatchObject({ attempts: 3, participants: 2, wonMinor: 200 });
    });
});
