import type { Signal } from './loyalty.table.ts';

export type Rule = { level: number; signal: Signal; op: 'gte' | 'lte'; threshold: number };
export type SignalValues = Record<Signal, number>;
export type RuleResult = Rule & { value: number; met: boolean };

export const LEVEL_NAMES = ['newcomer', 'reader', 'engaged', 'loyal', 'super_fan'] as const;
export const TOP_LEVEL = 4;
/**
 * `days_since_active` of a fan who was never active, for rule evaluation only: a ceiling rule
 * ("active in the last 30 days") fails and a floor rule ("away 90 days or more") holds. The API
 * shows it as null.
 */
export const NEVER_ACTIVE_DAYS = 100_000;

/** Values as the API shows them: null where a fan was never active. */
export const shownValue = (signal: Signal, value: number): number | null => (signal === 'days_since_active' && value >= NEVER_ACTIVE_DAYS ? null : value);
export const shownValues = (values: SignalValues): Record<Signal, number | null> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, shownValue(k as Signal, v)])) as Record<Signal, number | null>;
export const shownResults = (results: RuleResult[]) => results.map((r) => ({ ...r, value: shownValue(r.signal, r.value) }));

const met = (r: Rule, v: number) => (r.op === 'gte' ? v >= r.threshold : v <= r.threshold);

/** Level n needs every rule of levels 1..n, and at least one rule of its own (an empty level is closed). */
export function levelFor(values: SignalValues, rules: Rule[]): { level: number; results: RuleResult[] } {
  const results = rules
    .map((r) => ({ ...r, value: values[r.signal], met: met(r, values[r.signal]) }))
    .sort((a, b) => a.level - b.level || a.signal.localeCompare(b.signal));
  let level = 0;
  for (let n = 1; n <= TOP_LEVEL; n++) {
    const own = results.filter((r) => r.level === n);
    if (own.length === 0 || own.some((r) => !r.met)) break;
    level = n;
  }
  return { level, results };
}

/**
 * Level 4 is never lost at once: a super fan who stops qualifying keeps the level through a
 * grace period (visible to staff) and drops only if still short when it ends.
 */
export function applyGrace(
  current: { level: number; graceUntil: Date | null },
  computed: number,
  now: Date,
  graceDays: number,
): { level: number; graceUntil: Date | null } {
  if (current.level !== TOP_LEVEL || computed === TOP_LEVEL) return { level: computed, graceUntil: null };
  if (current.graceUntil === null) return { level: TOP_LEVEL, graceUntil: new Date(now.getTime() + graceDays * 86_400_000) };
  if (current.graceUntil > now) return { level: TOP_LEVEL, graceUntil: current.graceUntil };
  return { level: computed, graceUntil: null };
}

/** What a fan still needs for the next level: the unmet rules of levels up to it. */
export function missingForNext(level: number, results: RuleResult[]): RuleResult[] {
  if (level >= TOP_LEVEL) return [];
  return results.filter((r) => r.level <= level + 1 && !r.met);
}

/** How far a fan is from level 4, 0 = qualifies: the sum of each unmet level-1..4 rule's shortfall ratio. */
export function distanceToTop(results: RuleResult[]): number {
  return results
    .filter((r) => !r.met)
    .reduce((d, r) => d + (r.op === 'gte' ? (r.threshold - r.value) / Math.max(r.threshold, 1) : (r.value - r.threshold) / Math.max(r.threshold, 1)), 0);
}
