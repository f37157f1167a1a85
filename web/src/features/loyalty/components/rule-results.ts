import type { RuleResult } from '../types';

/**
 * Levels add up (level 4 needs every rule of levels 1–4), so of two unmet rules on one signal only
 * the stricter matters: "unique reads 12/40" says all that "12/15" would.
 */
export function strictestPerSignal(rules: RuleResult[]): RuleResult[] {
  const bySignal = new Map<string, RuleResult>();
  for (const rule of rules) {
    const key = `${rule.signal}|${rule.op}`;
    const kept = bySignal.get(key);
    const stricter = !kept || (rule.op === 'gte' ? rule.threshold > kept.threshold : rule.threshold < kept.threshold);
    if (stricter) bySignal.set(key, rule);
  }
  return [...bySignal.values()];
}
