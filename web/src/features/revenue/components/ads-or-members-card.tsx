import { Alert, Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { RevenueReport } from '../types';

/**
 * "Ads or members?": what sponsored articles brought in fees and cost in followers, beside what an
 * average follower brought in memberships, and a sentence saying which pays more per fan here.
 */
export function AdsOrMembersCard({ report }: { report: RevenueReport }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 1 });
  const a = report.adsOrMembers;
  const { currency } = report;
  const amount = (v: number | null) => (v === null ? '—' : money({ amountMinor: v, currency }));
  const months = report.months.length;
  const perLost = amount(a.adRevenuePerFollowerLostMinor);
  const perFan = amount(a.membershipRevenuePerFanMinor);

  // What is still missing, said plainly, when there is not enough to compare.
  const missing = [
    a.adRevenueMinor === 0 ? t('revenue.adsOrMembers.missing.adFee') : null,
    a.adRevenueMinor > 0 && a.followersLost === 0 ? t('revenue.adsOrMembers.missing.followersLost') : null,
    a.membershipRevenueMinor === 0 ? t('revenue.adsOrMembers.missing.memberships', { count: months }) : null,
    a.averageFollowers === 0 ? t('revenue.adsOrMembers.missing.followers') : null,
  ].filter((m): m is string => m !== null);

  const verdict =
    a.verdict === 'members'
      ? t('revenue.adsOrMembers.verdict.members', { perFan, perLost, count: months })
      : a.verdict === 'ads'
        ? t('revenue.adsOrMembers.verdict.ads', { perFan, perLost, count: months })
        : a.verdict === 'even'
          ? t('revenue.adsOrMembers.verdict.even', { perFan, count: months })
          : t('revenue.adsOrMembers.verdict.notEnough');

  return (
    <Card title={t('revenue.adsOrMembers.title')} style={{ height: '100%' }} data-testid="ads-or-members">
      <Alert
        type={a.verdict === 'not_enough_data' ? 'info' : 'success'}
        showIcon
        title={<span data-testid="ads-or-members-verdict">{verdict}</span>}
        description={a.verdict === 'not_enough_data' && missing.length > 0 ? missing.join(' ') : undefined}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={[32, 16]}>
        <Col xs={24} xxl={12}>
          <Figures
            title={t('revenue.adsOrMembers.adsTitle')}
            rows={[
              [t('revenue.adsOrMembers.sponsoredArticles'), number.format(a.sponsoredArticles)],
              [t('revenue.adsOrMembers.adFees'), amount(a.adRevenueMinor)],
              [t('revenue.adsOrMembers.perArticle'), amount(a.adRevenuePerArticleMinor)],
              [t('revenue.adsOrMembers.followersLost'), number.format(a.followersLost)],
            ]}
            total={[t('revenue.adsOrMembers.perFollowerLost'), perLost]}
            testId="ads-figures"
          />
        </Col>
        <Col xs={24} xxl={12}>
          <Figures
            title={t('revenue.adsOrMembers.membersTitle', { count: months })}
            rows={[
              [t('revenue.adsOrMembers.membershipRevenue'), amount(a.membershipRevenueMinor)],
              [t('revenue.adsOrMembers.averageFollowers'), number.format(a.averageFollowers)],
            ]}
            total={[t('revenue.adsOrMembers.perFan'), perFan]}
            testId="members-figures"
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 13 }}>
        {t('revenue.adsOrMembers.explain')}
      </Typography.Paragraph>
    </Card>
  );
}

/** A few labelled figures, the one compared last and in bold. */
function Figures({ title, rows, total, testId }: { title: string; rows: [string, ReactNode][]; total: [string, ReactNode]; testId: string }) {
  const line = (label: string, value: ReactNode, strong = false) => (
    <Flex key={label} justify="space-between" gap={16} style={{ padding: '4px 0', borderTop: strong ? '1px solid rgba(5, 5, 5, 0.06)' : undefined }}>
      <Typography.Text type={strong ? undefined : 'secondary'} strong={strong}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Typography.Text>
    </Flex>
  );
  return (
    <div data-testid={testId}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {rows.map(([label, value]) => line(label, value))}
      {line(total[0], total[1], true)}
    </div>
  );
}
