import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleTiers } from '../../../lib/membership-tiers';
import { TIER_RANK_SIGNAL, type LoyaltyRule, type RuleOp, type Signal } from '../types';

const SIGNAL_LABELS = {
  unique_reads: 'loyalty.signal.unique_reads',
  days_active: 'loyalty.signal.days_active',
  shares: 'loyalty.signal.shares',
  days_since_active: 'loyalty.signal.days_since_active',
  fans_referred: 'loyalty.signal.fans_referred',
  purchases: 'loyalty.signal.purchases',
  spend: 'loyalty.signal.spend',
  membership_months: 'loyalty.signal.membership_months',
  membership_rank: 'loyalty.signal.membership_rank',
  community_posts: 'loyalty.signal.community_posts',
} as const satisfies Record<Signal, string>;

export const OP_SYMBOLS: Record<RuleOp, string> = { gte: '≥', lte: '≤' };

/**
 * Words for signals and rules: "Unique reads", "Unique reads ≥ 40", a fan's value ("never" for
 * no activity). The tier rank reads as tiers: "Membership tier: Gold or above", a fan's "Silver".
 */
export function useRuleText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage;
  const tiers = useConsoleTiers();

  const signalLabel = useCallback((signal: Signal) => (signal in SIGNAL_LABELS ? t(SIGNAL_LABELS[signal]) : signal), [t]);
  const tierNamed = useCallback((rank: number) => tiers.data?.find((tier) => tier.rank === rank)?.name, [tiers.data]);

  const ruleLabel = useCallback(
    (rule: LoyaltyRule) => {
      const tier = rule.signal === TIER_RANK_SIGNAL ? tierNamed(rule.threshold) : undefined;
      if (tier) return t(rule.op === 'gte' ? 'loyalty.rules.tierOrAbove' : 'loyalty.rules.tierOrBelow', { tier });
      return `${signalLabel(rule.signal)} ${OP_SYMBOLS[rule.op] ?? rule.op} ${new Intl.NumberFormat(locale).format(rule.threshold)}`;
    },
    [signalLabel, tierNamed, t, locale],
  );

  const valueLabel = useCallback(
    (signal: Signal, value: number | null) => {
      if (value === null) return t('loyalty.neverActive');
      if (signal === TIER_RANK_SIGNAL) return value === 0 ? t('loyalty.noTier') : (tierNamed(value) ?? new Intl.NumberFormat(locale).format(value));
      return new Intl.NumberFormat(locale).format(value);
    },
    [t, tierNamed, locale],
  );

  return { signalLabel, ruleLabel, valueLabel };
}
