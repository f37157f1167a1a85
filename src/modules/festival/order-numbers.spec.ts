import { describe, expect, it } from 'vitest';
import { createOrderNumbers } from './order-numbers.ts';

/** A sequence as the database's: each read answers the next `n` numbers. */
function sequence(failFirst = 0) {
  let next = 100_001;
  let reads = 0;
  let failures = failFirst;
  return {
    reads: () => reads,
    take: async (n: number) => {
      reads++;
      await new Promise((r) => setTimeout(r, 1));
      if (failures-- > 0) throw new Error('database unreachable');
      return Array.from({ length: n }, () => next++);
    },
  };
}

describe('order numbers in hand for the festival writer', () => {
  it('never hands out a number twice, however many batches ask at once, and reads the sequence a chunk at a time', async () => {
    const seq = sequence();
    const numbers = createOrderNumbers(seq.take, { chunk: 100 });
    const batches = await Promise.all(Array.from({ length: 40 }, (_, i) => numbers.take(1 + (i % 7))));
    const all = batches.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(batches.reduce((s, b) => s + b.length, 0));
    // 157 numbers from chunks of 100: two or three reads, not one per batch.
    expect(seq.reads()).toBeLessThanOrEqual(3);
  });

  it('a batch larger than a chunk gets all its numbers', async () => {
    const numbers = createOrderNumbers(sequence().take, { chunk: 10 });
    const got = await numbers.take(25);
    expect(got).toHaveLength(25);
    expect(new Set(got).size).toBe(25);
  });

  it('a failed read fails only the batch that waited for it; the next batch reads again', async () => {
    const seq = sequence(1);
    const numbers = createOrderNumbers(seq.take, { chunk: 10 });
    await expect(numbers.take(3)).rejects.toThrow('database unreachable');
    expect(await numbers.take(3)).toEqual([100_001, 100_002, 100_003]);
  });
});
