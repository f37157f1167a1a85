import { Card, Col, Empty, Flex, Progress, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { MembershipMonth, RevenueReport } from '../types';
import { useMonthLabel } from './month-label';

/** A reason code the memberships module sent without a translation here, readable: `too_expensive` → "Too expensive". */
const readable = (reason: string) => {
  const words = reason.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Memberships per month (MRR, new and churned members, churn rate) and why members cancel; an empty state until there are figures. */
export function MembershipsCard({ report }: { report: RevenueReport }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const monthLabel = useMonthLabel();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 1 });
  const { months, cancellationReasons } = report.memberships;
  const reasons = cancellationReasons.reduce((n, r) => n + r.count, 0);

  if (months.length === 0 && cancellationReasons.length === 0) {
    return (
      <Card title={t('revenue.memberships.title')} style={{ height: '100%' }} data-testid="revenue-memberships">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('revenue.memberships.empty')} data-testid="revenue-memberships-empty" />
      </Card>
    );
  }

  return (
    <Card title={t('revenue.memberships.title')} style={{ height: '100%' }} data-testid="revenue-memberships">
      <Row gutter={[24, 16]}>
        <Col xs={24} xxl={15}>
          <Table<MembershipMonth>
            rowKey="month"
            size="small"
            pagination={false}
            scroll={{ x: 480 }}
            dataSource={[...months].reverse()}
            locale={{ emptyText: t('revenue.memberships.noMonths') }}
            columns={[
              { title: t('revenue.month'), dataIndex: 'month', render: (v: string) => monthLabel(v) },
              {
                title: t('revenue.memberships.mrr'),
                dataIndex: 'mrrMinor',
                align: 'right',
                render: (v: number) => money({ amountMinor: v, currency: report.currency }),
              },
              { title: t('revenue.memberships.new'), dataIndex: 'newMembers', align: 'right', render: (v: number) => number.format(v) },
              { title: t('revenue.memberships.churned'), dataIndex: 'churnedMembers', align: 'right', render: (v: number) => number.format(v) },
              {
                title: t('revenue.memberships.churnRate'),
                dataIndex: 'churnRate',
                align: 'right',
                render: (v: number | null) => (v === null ? '—' : percent.format(v)),
              },
            ]}
          />
        </Col>
        <Col xs={24} xxl={9}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('revenue.memberships.reasons')}
          </Typography.Title>
          {cancellationReasons.length === 0 ? (
            <Typography.Text type="secondary">{t('revenue.memberships.noReasons')}</Typography.Text>
          ) : (
            <Flex vertical gap={8} data-testid="revenue-cancellation-reasons">
              {cancellationReasons.map((r) => {
                const label = t(`revenue.memberships.reason.${r.reason}`, { defaultValue: readable(r.reason) });
                return (
                  <div key={r.reason}>
                    <Flex justify="space-between">
                      <Typography.Text>{label}</Typography.Text>
                      <Typography.Text type="secondary">{number.format(r.count)}</Typography.Text>
                    </Flex>
                    <Progress percent={Math.round((r.count / reasons) * 100)} showInfo={false} size="small" aria-label={label} />
                  </div>
                );
              })}
            </Flex>
          )}
        </Col>
      </Row>
    </Card>
  );
}
