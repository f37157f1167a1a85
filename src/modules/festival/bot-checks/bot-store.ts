/**
 * What the festival's bot checks remember: attempts counted per key in fixed windows, and
 * one-time tokens (a solved challenge is good once). In this process, or in Redis when several
 * server processes share the festival (REDIS_URL), behind this one interface.
 */
export type BotStore = {
  /**
   * Counts one attempt for each key in the window holding `at` (windows of `windowMs`, aligned
   * to the epoch) and answers each key's count in that window, this attempt included.
   */
  hit(keys: string[], windowMs: number, at: Date): Promise<number[]>;
  /** True the first time `key` is seen within `ttlMs`, false after (a replayed token). */
  once(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
};

export const windowOf = (at: Date, windowMs: number) => Math.floor(at.getTime() / windowMs);

export function checkWindow(windowMs: number): void {
  if (!Number.isInteger(windowMs) || windowMs < 100 || windowMs > 3_600_000) throw new RangeError(`window must be 100 ms to 1 h, got ${windowMs}`);
}
