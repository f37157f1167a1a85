import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIER_RANK_SIGNAL, type RuleResult } from '../types';
import { OP_SYMBOLS, useRuleText } from './use-rule-text';

/** How far along a fan is on one rule, 0–100: for "≤" rules, how close to coming back under the limit. */
function progressOf(rule: RuleResult): number {
  if (rule.met) return 100;
  if (rule.value === null) return 0;
  if (rule.op === 'gte') return rule.threshold <= 0 ? 100 : Math.max(0, Math.min(99, (rule.value / rule.threshold) * 100));
  return rule.value <= 0 ? 100 : Math.max(0, Math.min(99, (rule.threshold / rule.value) * 100));
}

/** "Unique reads 32/40" with a bar; "Days since last active 45 (≤ 30)" for a ceiling. */
export function RuleProgress({ rule, compact = false }: { rule: RuleResult; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { signalLabel, valueLabel } = useRuleText();
  const value = valueLabel(rule.signal, rule.value);
  // A tier rank reads as the tier's name ("Silver/Gold").
  const threshold =
    rule.signal === TIER_RANK_SIGNAL ? valueLabel(rule.signal, rule.threshold) : new Intl.NumberFormat(i18n.resolvedLanguage).format(rule.threshold);
  const amount = rule.op === 'gte' ? t('loyalty.progress.gte', { value, threshold }) : t('loyalty.progress.lte', { value, op: OP_SYMBOLS.lte, threshold });

  return (
    <Flex vertical gap={0} style={{ minWidth: compact ? 180 : undefined }} data-testid="rule-progress">
      <Flex justify="space-between" gap={12}>
        <Typography.Text style={{ fontSize: compact ? 12 : 14 }}>{signalLabel(rule.signal)}</Typography.Text>
        <Typography.Text type={rule.met ? 'success' : 'secondary'} style={{ fontSize: compact ? 12 : 14, whiteSpace: 'nowrap' }}>
          {amount}
        </Typography.Text>
      </Flex>
      <Progress
        percent={Math.round(progressOf(rule))}
        showInfo={false}
        size="small"
        status={rule.met ? 'success' : 'normal'}
        strokeColor={rule.met ? undefined : rule.op === 'lte' ? '#fa8c16' : undefined}
        style={{ margin: 0 }}
        aria-label={`${signalLabel(rule.signal)}: ${amount}`}
      />
    </Flex>
  );
}
