import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoyaltyRule, type RuleOp, type Signal } from '../types';

const SIGNAL_LABELS = {
  unique_reads: 'loyalty.signal.unique_reads',
  days_active: 'loyalty.signal.days_active',
  shares: 'loyalty.signal.shares',
  days_since_active: 'loyalty.signal.days_since_active',
  fans_referred: 'loyalty.signal.fans_referred',
  purchases: 'loyalty.signal.purchases',
  membership_months: 'loyalty.signal.membership_months',
  community_posts: 'loyalty.signal.community_posts',
} as const satisfies Record<Signal, string>;

export const OP_SYMBOLS: Record<RuleOp, string> = { gte: '≥', lte: '≤' };

/** Words for signals and rules: "Unique reads", "Unique reads ≥ 40", a fan's value ("never" for no activity). */
export function useRuleText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage;

  const signalLabel = useCallback((signal: Signal) => (signal in SIGNAL_LABELS ? t(SIGNAL_LABELS[signal]) : signal), [t]);

  const ruleLabel = useCallback(
    (rule: LoyaltyRule) => `${signalLabel(rule.signal)} ${OP_SYMBOLS[rule.op] ?? rule.op} ${new Intl.NumberFormat(locale).format(rule.threshold)}`,
    [signalLabel, locale],
  );

  const valueLabel = useCallback(
    (_signal: Signal, value: number | null) => (value === null ? t('loyalty.neverActive') : new Intl.NumberFormat(locale).format(value)),
    [t, locale],
  );

  return { signalLabel, ruleLabel, valueLabel };
}
