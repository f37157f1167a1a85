import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

type Item = { id: number; key: string; fail?: boolean };
const tick = () => new Promise((r) => setTimeout(r, 5));

/** A group commit whose batches are recorded, each taking a few milliseconds like a database transaction. */
function recorder(opts: { maxBatch?: number; concurrency?: number } = {}) {
  const batches: number[][] = [];
  const alone: number[] = [];
  /** Every item in the order its run started. */
  const started: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const gc = createGroupCommit<Item, string>({
    maxBatch: opts.maxBatch ?? 8,
    concurrency: opts.concurrency ?? 1,
    keyOf: (x) => x.key,
    runBatch: async (items) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      batches.push(items.map((x) => x.id));
      started.push(...items.map((x) => x.id));
      await tick();
      running--;
      if (items.some((x) => x.fail)) throw new Error('the batch rolled back');
      return items.map((x) => `done ${x.id}`);
    },
    runOne: async (x) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      alone.push(x.id);
      started.push(x.id);
      await tick();
      running--;
      if (x.fail) throw new Error(`item ${x.id} failed`);
      return `alone ${x.id}`;
    },
  });
  return { gc, batches, alone, started, maxRunning: () => maxRunning };
}

describe('group commit', () => {
  it('runs a lone item at once, by itself', async () => {
    const { gc, batches, alone } = recorder();
    expect(await gc.submit({ id: 1, key: 'a' })).toBe('alone 1');
    expect(batches).toEqual([]);
    expect(alone).toEqual([1]);
  });

  it('puts items that arrive while a batch runs into the next one, in arrival order, up to the batch size', async () => {
    const { gc, batches, alone } = recorder({ maxBatch: 4 });
    const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => gc.submit({ id: i, key: `k${i}` })));
    expect(alone).toEqual([0]); // the first found nothing running
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(answers).toEqual(['alone 0', ...Array.from({ length: 8 }, (_, i) => `done ${i + 1}`)]);
    expect(gc.pending).toBe(0);
  });

  it('never puts two items of one key in a batch, nor runs them at once', async () => {
    const { gc, batches, alone, started } = recorder({ maxBatch: 8, concurrency: 2 });
    const keys = ['a', 'a', 'b', 'a', 'b', 'c'];
    await Promise.all(keys.map((key, id) => gc.submit({ id, key })));
    const runs = [...batches, ...alone.map((id) => [id])];
    for (const run of batches) expect(new Set(run.map((id) => keys[id])).size).toBe(run.length);
    expect(runs.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Items of key "a" ran in the order they came.
    expect(started.filter((id) => keys[id] === 'a')).toEqual([0, 1, 3]);
  });

  it('keeps to its concurrency', async () => {
    const r = recorder({ maxBatch: 2, concurrency: 2 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => r.gc.submit({ id: i, key: `k${i}` })));
    expect(r.maxRunning()).toBe(2);
  });

  it('retries a failed batch item by item: only the bad item fails', async () => {
    const { gc, batches, alone } = recorder({ maxBatch: 8 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((id) => gc.submit({ id, key: `k${id}`, fail: id === 3 })));
    expect(batches).toEqual([[2, 3, 4]]);
    expect(alone).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['alone 1', 'alone 2', 'item 3 failed', 'alone 4']);
    expect(gc.pending).toBe(0);
  });
});
