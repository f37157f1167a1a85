import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, CrownFilled } from '../../../components/ui/icons';
import { Alert, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import { SUPER_FAN_LEVEL, useLevelName } from '../../../lib/loyalty-levels';
import { type FanLoyalty, RULE_LEVELS } from '../types';
import { LevelTag } from './level-tag';
import { RuleProgress } from './rule-progress';
import { useRuleText } from './use-rule-text';

/** A fan's level, what the next one needs, and every rule of the ladder with the fan's value. */
export function LoyaltyCardBody({ loyalty }: { loyalty: FanLoyalty }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const levelName = useLevelName();
  const { ruleLabel, valueLabel } = useRuleText();
  const money = useMoneyFormat();
  const next = loyalty.level + 1;
  const store = loyalty.store;

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="loyalty-level">
          {loyalty.level === SUPER_FAN_LEVEL ? <CrownFilled style={{ color: '#faad14', marginInlineEnd: 8 }} /> : null}
          {t('loyalty.levelHeading', { level: loyalty.level, name: levelName(loyalty.level) })}
        </Typography.Title>
        {loyalty.levelSince ? <Typography.Text type="secondary">{t('loyalty.since', { date: date(loyalty.levelSince) })}</Typography.Text> : null}
      </Flex>
      {loyalty.graceUntil ? (
        <Alert type="warning" showIcon icon={<ClockCircleOutlined />} title={t('loyalty.graceAlert', { date: date(loyalty.graceUntil) })} />
      ) : null}

      <Typography.Text data-testid="loyalty-store">
        <Typography.Text strong>{t('loyalty.store.title')}: </Typography.Text>
        {store.purchases === 0
          ? t('loyalty.store.none')
          : [
              t('loyalty.store.purchases', { count: store.purchases }),
              t('loyalty.store.spend', { amount: money(store.spend) }),
              store.lastPurchaseAt ? t('loyalty.store.lastPurchase', { date: date(store.lastPurchaseAt) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
      </Typography.Text>

      <Typography.Text strong>
        {loyalty.level >= SUPER_FAN_LEVEL ? t('loyalty.topReached') : t('loyalty.missingForNext', { level: next, name: levelName(next) })}
      </Typography.Text>
      {loyalty.level < SUPER_FAN_LEVEL && loyalty.missingForNext.length === 0 ? (
        <Typography.Text type="secondary">
          {loyalty.rules.some((rule) => rule.level === next) ? t('loyalty.nextPending') : t('loyalty.nextClosed')}
        </Typography.Text>
      ) : null}
      <Flex vertical gap={8} data-testid="missing-for-next">
        {loyalty.missingForNext.map((rule) => (
          <RuleProgress key={`${rule.level}-${rule.signal}`} rule={rule} />
        ))}
      </Flex>

      <Divider style={{ margin: '4px 0' }} />
      <Typography.Text strong>{t('loyalty.ladder')}</Typography.Text>
      {RULE_LEVELS.map((level) => {
        const own = loyalty.rules.filter((rule) => rule.level === level);
        return (
          <Flex key={level} gap={12} align="flex-start" data-testid={`loyalty-rules-${level}`}>
            <div style={{ width: 132, flex: 'none' }}>
              <LevelTag level={level} />
            </div>
            <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
              {own.length === 0 ? <Typography.Text type="secondary">{t('loyalty.rules.noRules')}</Typography.Text> : null}
              {own.map((rule) => (
                <Flex key={rule.signal} gap={8} align="baseline" justify="space-between" wrap>
                  <Typography.Text>
                    {rule.met ? (
                      <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('loyalty.met')} />
                    ) : (
                      <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('loyalty.notMet')} />
                    )}{' '}
                    {ruleLabel(rule)}
                  </Typography.Text>
                  <Typography.Text type={rule.met ? 'secondary' : 'danger'}>
                    {rule.value === null ? t('loyalty.hasNeverBeenActive') : t('loyalty.has', { value: valueLabel(rule.signal, rule.value) })}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          </Flex>
        );
      })}
    </Flex>
  );
}
