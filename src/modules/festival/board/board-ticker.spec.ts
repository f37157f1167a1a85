import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBoardTicker } from './board-ticker.ts';

describe('the board ticker', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('computes once a tick per festival however many watch, and stops when the last viewer leaves', async () => {
    const computed: string[] = [];
    const ticker = createBoardTicker({ intervalMs: 1_000, compute: async (id) => (computed.push(id), `${id}#${computed.length}`) });
    const frames: Record<string, string[]> = { a: [], b: [], c: [] };
    const stopA = ticker.subscribe('f1', { frame: (f) => frames.a!.push(f) });
    const stopB = ticker.subscribe('f1', { frame: (f) => frames.b!.push(f) });
    const stopC = ticker.subscribe('f2', { frame: (f) => frames.c!.push(f) });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(computed.filter((id) => id === 'f1')).toHaveLength(3);
    expect(computed.filter((id) => id === 'f2')).toHaveLength(3);
    expect(frames.a).toEqual(frames.b);
    expect(ticker.running()).toEqual(
      new Map([
        ['f1', 2],
        ['f2', 1],
      ]),
    );
    stopA();
    stopB();
    stopC();
    expect(ticker.running().size).toBe(0);
    const before = computed.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(computed.length).toBe(before);
  });

  it('skips a tick while the previous is still computing (a slow database never piles up reads)', async () => {
    let calls = 0;
    let release!: () => void;
    const ticker = createBoardTicker({
      intervalMs: 1_000,
      compute: () => {
        calls += 1;
        return new Promise<number>((r) => (release = () => r(calls)));
      },
    });
    const frames: number[] = [];
    ticker.subscribe('f1', { frame: (f) => frames.push(f) });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(frames).toEqual([1]);
    expect(calls).toBe(2);
  });

  it('a failed tick is reported and the next one runs; close tells every viewer', async () => {
    let fail = true;
    const ticker = createBoardTicker({ intervalMs: 1_000, compute: async () => (fail ? Promise.reject(new Error('db down')) : 'ok') });
    const seen: string[] = [];
    ticker.subscribe('f1', { frame: (f) => seen.push(f), error: (e) => seen.push((e as Error).message), closed: () => seen.push('closed') });
    await vi.advanceTimersByTimeAsync(1_000);
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    ticker.close();
    expect(seen).toEqual(['db down', 'ok', 'closed']);
    expect(ticker.running().size).toBe(0);
  });
});
