import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { FestivalGate, GateAnswer, GateItemState } from './festival-gate.ts';
import { createMemoryGate } from './memory-gate.ts';
import { createRedisGate } from './redis-gate.ts';

/**
 * Both gates against one table of behaviour. The Redis gate runs when TEST_REDIS_URL is set
 * (.ci/run sets it in its PostgreSQL phase), each file under a key prefix of its own, removed after.
 */
const redisUrl = process.env.TEST_REDIS_URL;
const prefix = `test:${randomUUID()}:`;
const opened: FestivalGate[] = [];
const open = (make: () => FestivalGate) => {
  const gate = make();
  opened.push(gate);
  return gate;
};
afterAll(async () => {
  if (redisUrl) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(redisUrl);
    const found = await redis.keys(`${prefix}*`);
    if (found.length) await redis.del(...found);
    await redis.quit();
  }
  await Promise.all(opened.map((g) => g.close()));
});

const state = (quota: number, perFanLimit: number, sold = 0, byFan: [string, number][] = []): GateItemState => ({
  quota,
  perFanLimit,
  sold,
  byFan: new Map(byFan),
});
const tally = (answers: GateAnswer[]) => answers.reduce<Record<string, number>>((t, a) => ({ ...t, [a]: (t[a] ?? 0) + 1 }), {});
const fans = (n: number) => Array.from({ length: n }, (_, i) => `fan-${i}`);

const gates: { name: string; make: () => FestivalGate; shared?: () => FestivalGate }[] = [{ name: 'in-process', make: createMemoryGate }];
if (redisUrl) {
  const make = () => createRedisGate({ url: redisUrl, keyPrefix: prefix });
  gates.push({ name: 'Redis', make, shared: make });
}

describe.each(gates)('the $name gate', ({ make, shared }) => {
  const gate = open(make);
  const item = () => `item-${randomUUID()}`;

  it('admits exactly the quota when demand is above it, and nobody past the per-fan limit, under concurrency', async () => {
    const key = item();
    await gate.load(key, state(500, 2));
    // 300 fans, 5 tries each, all at once: 1,500 attempts for 600 units of demand within the limit.
    const tries = fans(300).flatMap((fan) => Array.from({ length: 5 }, () => fan));
    const answers = await Promise.all(tries.map((fan) => gate.attempt(key, fan, 1)));
    const t = tally(answers);
    expect(t.won).toBe(500);
    expect((t.sold_out ?? 0) + (t.limit_reached ?? 0)).toBe(1000);
    expect(await gate.remaining(key)).toBe(0);
    const held = await Promise.all(fans(300).map((fan) => gate.heldBy(key, fan)));
    expect(Math.max(...held)).toBeLessThanOrEqual(2);
    expect(held.reduce((a, b) => a + b, 0)).toBe(500);
  });

  it('admits all of the demand when the quota is above it (a gate that refuses too much fails too)', async () => {
    const key = item();
    await gate.load(key, state(1000, 2));
    const tries = fans(300).flatMap((fan) => [fan, fan, fan]);
    const t = tally(await Promise.all(tries.map((fan) => gate.attempt(key, fan, 1))));
    expect(t).toEqual({ won: 600, limit_reached: 300 });
    expect(await gate.remaining(key)).toBe(400);
  });

  it('refuses more units than are left, and counts a fan’s units toward the limit whatever the quantities', async () => {
    const key = item();
    await gate.load(key, state(5, 4));
    expect(await gate.attempt(key, 'a', 3)).toBe('won');
    expect(await gate.attempt(key, 'a', 2)).toBe('limit_reached');
    expect(await gate.attempt(key, 'b', 3)).toBe('sold_out');
    expect(await gate.attempt(key, 'b', 2)).toBe('won');
    expect(await gate.attempt(key, 'c', 1)).toBe('sold_out');
    expect(await gate.remaining(key)).toBe(0);
  });

  it('puts released units back on sale, never more than a fan holds nor above the quota', async () => {
    const key = item();
    await gate.load(key, state(3, 2));
    expect(await gate.attempt(key, 'a', 2)).toBe('won');
    expect(await gate.attempt(key, 'b', 1)).toBe('won');
    expect(await gate.release(key, 'a', 5)).toBe(2);
    expect(await gate.release(key, 'a', 1)).toBe(0);
    expect(await gate.release(key, 'nobody', 1)).toBe(0);
    expect(await gate.remaining(key)).toBe(2);
    expect(await gate.heldBy(key, 'a')).toBe(0);
    expect(await gate.attempt(key, 'a', 2)).toBe('won');
    expect(await gate.remaining(key)).toBe(0);
  });

  it('loads an item once; reconciling replaces its counters with the durable orders’', async () => {
    const key = item();
    expect(
      await gate.load(
        key,
        state(10, 3, 4, [
          ['a', 3],
          ['b', 1],
        ]),
      ),
    ).toBe(true);
    expect(await gate.remaining(key)).toBe(6);
    expect(await gate.attempt(key, 'a', 1)).toBe('limit_reached');
    expect(await gate.attempt(key, 'b', 1)).toBe('won');
    // A second load (another process starting) leaves the running counters alone.
    expect(
      await gate.load(
        key,
        state(10, 3, 4, [
          ['a', 3],
          ['b', 1],
        ]),
      ),
    ).toBe(false);
    expect(await gate.remaining(key)).toBe(5);
    // After a crash: units admitted but never written go back on sale.
    await gate.reconcile(
      key,
      state(10, 3, 4, [
        ['a', 3],
        ['b', 1],
      ]),
    );
    expect(await gate.remaining(key)).toBe(6);
    expect(await gate.heldBy(key, 'b')).toBe(1);
    await gate.drop(key);
    expect(await gate.remaining(key)).toBeNull();
  });

  it('refuses counters and quantities it cannot hold, and attempts on an item it does not hold', async () => {
    const key = item();
    await expect(gate.load(key, state(5, 2, 6))).rejects.toThrow(RangeError);
    await expect(gate.load(key, state(5, 2, 3, [['a', 3]]))).rejects.toThrow(RangeError);
    await expect(gate.load(key, state(5, 0))).rejects.toThrow(RangeError);
    expect(await gate.remaining(key)).toBeNull();
    await expect(gate.attempt(key, 'a', 1)).rejects.toThrow('not loaded');
    await gate.load(key, state(5, 2));
    await expect(gate.attempt(key, 'a', 0)).rejects.toThrow(RangeError);
    await expect(gate.attempt(key, 'a', 1.5)).rejects.toThrow(RangeError);
    await expect(gate.release(key, 'a', -1)).rejects.toThrow(RangeError);
  });

  it.runIf(shared !== undefined)('keeps one set of counters for two gates (two server processes) sharing it', async () => {
    const other = open(shared!);
    const key = item();
    const [a, b] = await Promise.all([gate.load(key, state(700, 1)), other.load(key, state(700, 1))]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    // 1,000 fans, each trying once through each process.
    const answers = await Promise.all(fans(1000).flatMap((fan) => [gate.attempt(key, fan, 1), other.attempt(key, fan, 1)]));
    const t = tally(answers);
    expect(t.won).toBe(700);
    expect(await other.remaining(key)).toBe(0);
    const held = await Promise.all(fans(1000).map((fan) => other.heldBy(key, fan)));
    expect(Math.max(...held)).toBe(1);
  });

  it('tells a starting process whether another one uses the gate (alone, it may reconcile), until that one closes', async () => {
    if (!shared) {
      expect(await gate.join()).toBe('alone');
      return;
    }
    // Under a prefix of their own, so the other specs' processes do not count.
    const own = `${prefix}join:${randomUUID()}:`;
    const first = createRedisGate({ url: redisUrl!, keyPrefix: own });
    const second = createRedisGate({ url: redisUrl!, keyPrefix: own });
    expect(await first.join()).toBe('alone');
    expect(await second.join()).toBe('shared');
    await first.close();
    const third = open(() => createRedisGate({ url: redisUrl!, keyPrefix: own }));
    expect(await third.join()).toBe('shared');
    await second.close();
    expect(await third.join()).toBe('alone');
  });

  it('gives back, once, what a process that stopped admitted and never made durable; landed attempts and live processes are left alone', async () => {
    const own = shared ? `${prefix}reap:${randomUUID()}:` : '';
    const make = () => (shared ? createRedisGate({ url: redisUrl!, keyPrefix: own }) : gate);
    const dead = make();
    const alive = make();
    const key = item();
    await dead.load(key, state(10, 3));
    await alive.join();
    expect(await dead.attempt(key, 'a', 2, 'k-lost')).toBe('won');
    expect(await dead.attempt(key, 'b', 1, 'k-written')).toBe('won');
    expect(await dead.attempt(key, 'c', 1, 'k-landed')).toBe('won');
    await dead.landed(key, 'c', 'k-landed');
    expect(await alive.attempt(key, 'd', 1, 'k-running')).toBe('won');
    expect(await alive.remaining(key)).toBe(5);
    if (!shared) {
      // In this process nothing outlives it: there is nothing to reap.
      expect(await alive.reap(async () => false)).toBe(0);
      return;
    }
    await dead.close();
    const durable = async (_fan: string, k: string) => k === 'k-written';
    expect(await alive.reap(durable)).toBe(2);
    expect(await alive.remaining(key)).toBe(7);
    expect([await alive.heldBy(key, 'a'), await alive.heldBy(key, 'b'), await alive.heldBy(key, 'c'), await alive.heldBy(key, 'd')]).toEqual([0, 1, 1, 1]);
    // Twice is once; the live process's attempt is still its own to write or give back.
    expect(await alive.reap(durable)).toBe(0);
    expect(await alive.release(key, 'd', 1, 'k-running')).toBe(1);
    expect(await alive.remaining(key)).toBe(8);
    await alive.close();
  });
});
