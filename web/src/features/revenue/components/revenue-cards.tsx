import { IdcardOutlined, TeamOutlined, UserDeleteOutlined, WalletOutlined } from '../../../components/ui/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { RevenueReport } from '../types';
import { useMonthLabel } from './month-label';

interface Figure {
  key: string;
  title: string;
  icon: ReactNode;
  value: string | null;
  /** Said under the figure: what it is made of, or why there is none. */
  note: string;
}

/** The last month of the range at a glance: its net revenue, per 1,000 followers, MRR and churn. */
export function RevenueCards({ report, loading }: { report: RevenueReport | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const monthLabel = useMonthLabel('long');
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 1 });
  const last = report?.months[report.months.length - 1];
  const member = report?.memberships.months.find((m) => m.month === last?.month);
  const currency = report?.currency ?? 'CNY';
  const isCurrent = last?.month === new Date().toISOString().slice(0, 7);
  const month = last ? monthLabel(last.month) : '';

  const figures: Figure[] = [
    {
      key: 'month',
      title: isCurrent ? t('revenue.cards.thisMonth') : t('revenue.cards.monthRevenue', { month }),
      icon: <WalletOutlined />,
      value: last ? money({ amountMinor: last.netMinor, currency }) : null,
      note: last
        ? t('revenue.cards.monthNote', {
            ads: money({ amountMinor: last.adsMinor, currency }),
            memberships: money({ amountMinor: last.membershipsMinor, currency }),
            store: money({ amountMinor: last.storeMinor, currency }),
          })
        : '',
    },
    {
      key: 'per1000',
      title: t('revenue.cards.per1000'),
      icon: <TeamOutlined />,
      value: last?.netPer1000FansMinor == null ? null : money({ amountMinor: last.netPer1000FansMinor, currency }),
      note:
        last && last.followers > 0
          ? t('revenue.cards.followersAtEnd', { count: last.followers, formatted: number.format(last.followers), month })
          : t('revenue.cards.noFollowers'),
    },
    {
      key: 'mrr',
      title: t('revenue.cards.mrr'),
      icon: <IdcardOutlined />,
      value: member ? money({ amountMinor: member.mrrMinor, currency }) : null,
      note: member ? t('revenue.cards.mrrNote', { month }) : t('revenue.cards.noMemberships'),
    },
    {
      key: 'churn',
      title: t('revenue.cards.churn'),
      icon: <UserDeleteOutlined />,
      value: member?.churnRate == null ? null : percent.format(member.churnRate),
      note:
        member && member.churnRate != null
          ? t('revenue.cards.churnNote', { churned: number.format(member.churnedMembers), active: number.format(member.activeAtStart) })
          : t('revenue.cards.noMemberships'),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.key} xs={24} sm={12} xl={6}>
          <Card style={{ height: '100%' }}>
            <Statistic
              title={f.title}
              loading={loading}
              prefix={f.icon}
              value={f.value ?? '—'}
              styles={{ content: f.value === null ? { color: 'rgba(0, 0, 0, 0.45)' } : undefined }}
              data-testid={`revenue-card-${f.key}`}
            />
            {!loading && f.note ? (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
                {f.note}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
