import { RULE_LEVELS, type LoyaltyRule, type LoyaltyRulesInput, type RuleOp, type Signal } from '../types';

export interface RuleRow {
  signal: Signal;
  op: RuleOp;
  threshold: number;
}

/** The rules drawer's fields: the grace period and one list of rules per level. */
export interface RulesFormValues {
  graceDays: number;
  levels: Record<string, RuleRow[]>;
}

export function toRulesForm(rules: LoyaltyRulesInput): RulesFormValues {
  const levels: Record<string, RuleRow[]> = {};
  for (const level of RULE_LEVELS) {
    levels[level] = rules.rules.filter((r) => r.level === level).map(({ signal, op, threshold }) => ({ signal, op, threshold }));
  }
  return { graceDays: rules.graceDays, levels };
}

export function toRulesInput(values: RulesFormValues): LoyaltyRulesInput {
  const rules: LoyaltyRule[] = RULE_LEVELS.flatMap((level) =>
    (values.levels[level] ?? []).map((row) => ({ level, signal: row.signal, op: row.op, threshold: Math.floor(row.threshold) })),
  );
  return { rules, graceDays: Math.floor(values.graceDays) };
}

/** The first level with no rule: it and every level above it can't be reached. */
export function firstClosedLevel(values: RulesFormValues | undefined): number | null {
  if (!values?.levels) return null;
  return RULE_LEVELS.find((level) => (values.levels[level] ?? []).length === 0) ?? null;
}
