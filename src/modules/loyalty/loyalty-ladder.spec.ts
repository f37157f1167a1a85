import { describe, expect, it } from 'vitest';
import type { SignalValues } from './loyalty-ladder.ts';
import { applyGrace, levelFor, missingForNext, type Rule } from './loyalty-ladder.ts';

const rules: Rule[] = [
  { level: 1, signal: 'unique_reads', op: 'gte', threshold: 1 },
  { level: 2, signal: 'days_active', op: 'gte', threshold: 3 },
  { level: 3, signal: 'shares', op: 'gte', threshold: 2 },
  { level: 4, signal: 'days_since_active', op: 'lte', threshold: 30 },
  { level: 4, signal: 'unique_reads', op: 'gte', threshold: 40 },
];
const values = (over: Partial<SignalValues>): SignalValues => ({
  days_active: 0,
  unique_reads: 0,
  shares: 0,
  fans_referred: 0,
  purchases: 0,
  spend: 0,
  membership_months: 0,
  membership_rank: 0,
  community_posts: 0,
  days_since_active: 0,
  ...over,
});

describe('loyalty ladder', () => {
  it('climbs only while every lower level holds', () => {
    expect(levelFor(values({}), rules).level).toBe(0);
    expect(levelFor(values({ unique_reads: 1 }), rules).level).toBe(1);
    // Enough shares for level 3 does not skip the missing level 2.
    expect(levelFor(values({ unique_reads: 50, shares: 9 }), rules).level).toBe(1);
    expect(levelFor(values({ unique_reads: 50, shares: 9, days_active: 3 }), rules).level).toBe(4);
    expect(levelFor(values({ unique_reads: 50, shares: 9, days_active: 3, days_since_active: 31 }), rules).level).toBe(3);
  });

  it('never opens a level that has no rules', () => {
    const noLevel3 = rules.filter((r) => r.level !== 3);
    expect(levelFor(values({ unique_reads: 50, shares: 9, days_active: 3 }), noLevel3).level).toBe(2);
    expect(levelFor(values({ unique_reads: 50 }), []).level).toBe(0);
  });

  it('explains what is missing for the next level', () => {
    const { level, results } = levelFor(values({ unique_reads: 2, days_active: 1 }), rules);
    expect(level).toBe(1);
    expect(missingForNext(level, results).map((r) => `${r.signal} ${r.value}/${r.threshold}`)).toEqual(['days_active 1/3']);
  });

  it('keeps a super fan through the grace period, then lets go', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const start = applyGrace({ level: 4, graceUntil: null }, 3, now, 60);
    expect(start.level).toBe(4);
    expect(start.graceUntil?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(applyGrace({ level: 4, graceUntil: start.graceUntil }, 3, new Date('2026-03-01T23:59:59Z'), 60).level).toBe(4);
    expect(applyGrace({ level: 4, graceUntil: start.graceUntil }, 3, new Date('2026-03-02T00:00:00Z'), 60)).toEqual({ level: 3, graceUntil: null });
    // Qualifying again clears the grace.
    expect(applyGrace({ level: 4, graceUntil: start.graceUntil }, 4, now, 60)).toEqual({ level: 4, graceUntil: null });
    // Other levels move at once.
    expect(applyGrace({ level: 3, graceUntil: null }, 1, now, 60)).toEqual({ level: 1, graceUntil: null });
  });
});
