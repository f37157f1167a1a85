import { CrownOutlined, GiftOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { Interval, Tier } from '../fan-types';
import { PerkList } from './perk-list';

/** What choosing this tier would do for this fan: join, add a period, upgrade, or nothing yet (lower tier). */
export type TierChoice = 'join' | 'renew' | 'upgrade' | 'lower' | 'renewsItself';

/** One tier on the membership page: its price for the chosen period, perks, and the button. */
export function TierCard(props: {
  tier: Tier;
  interval: Interval;
  choice: TierChoice;
  current: boolean;
  busy: boolean;
  onChoose: () => void;
  /** An offer link's first-period price for this tier and period. */
  offerPriceMinor?: number;
  onGift?: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const { tier, interval, choice, current } = props;
  const price = interval === 'year' ? tier.yearlyPriceMinor : tier.monthlyPriceMinor;
  const label = {
    join: t('membership.choose.join'),
    renew: interval === 'year' ? t('membership.choose.addYear') : t('membership.choose.addMonth'),
    upgrade: t('membership.choose.upgrade'),
    lower: t('membership.choose.lower'),
    renewsItself: t('membership.choose.renewsItself'),
  }[choice];
  return (
    <Card
      data-testid={`tier-${tier.name}`}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 16, height: '100%' } }}
      style={{ height: '100%', ...(current ? { borderColor: 'var(--ant-color-primary)', borderWidth: 2 } : {}) }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <CrownOutlined /> {tier.name}
        </Typography.Title>
        {current ? <Tag color="gold">{t('membership.yourTier')}</Tag> : null}
      </Flex>
      <div>
        {props.offerPriceMinor !== undefined ? (
          <Typography.Text type="secondary" delete style={{ marginRight: 8 }}>
            {money({ amountMinor: price, currency: tier.currency })}
          </Typography.Text>
        ) : null}
        <Typography.Text style={{ fontSize: 28, fontWeight: 600 }}>
          {money({ amountMinor: props.offerPriceMinor ?? price, currency: tier.currency })}
        </Typography.Text>
        <Typography.Text type="secondary"> / {interval === 'year' ? t('membership.perYear') : t('membership.perMonth')}</Typography.Text>
        {props.offerPriceMinor !== undefined ? (
          <div>
            <Tag color="green">{t('membership.offer.firstPeriod')}</Tag>
          </div>
        ) : null}
      </div>
      {tier.description ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{tier.description}</Typography.Paragraph> : null}
      <div style={{ flex: 1 }}>
        <PerkList perks={tier.perks} />
      </div>
      {choice === 'lower' || choice === 'renewsItself' ? (
        // Nothing to do here now: say when there will be, instead of a dead button.
        <Typography.Text type="secondary" style={{ textAlign: 'center', padding: '8px 0' }} data-testid={`choose-${tier.name}`}>
          {label}
        </Typography.Text>
      ) : (
        <Button type="primary" size="large" block loading={props.busy} onClick={props.onChoose} data-testid={`choose-${tier.name}`}>
          {label}
        </Button>
      )}
      {props.onGift ? (
        <Button type="link" icon={<GiftOutlined />} onClick={props.onGift} data-testid={`gift-${tier.name}`}>
          {t('membership.gift.open')}
        </Button>
      ) : null}
    </Card>
  );
}
