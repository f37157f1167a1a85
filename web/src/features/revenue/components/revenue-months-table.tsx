import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { RevenueMonth, RevenueReport } from '../types';
import { useMonthLabel } from './month-label';
import { SOURCE_COLORS } from './revenue-colors';

/** The chart's figures as a table, newest month first, with the range's totals. */
export function RevenueMonthsTable({ report }: { report: RevenueReport }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const monthLabel = useMonthLabel();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const { currency } = report;
  const amount = (v: number) => money({ amountMinor: v, currency });
  const dot = (color: string) => (
    <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: color, marginInlineEnd: 6 }} />
  );

  return (
    <Table<RevenueMonth>
      rowKey="month"
      size="small"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={[...report.months].reverse()}
      data-testid="revenue-months"
      columns={[
        { title: t('revenue.month'), dataIndex: 'month', render: (v: string) => monthLabel(v), fixed: 'left' },
        {
          title: (
            <>
              {dot(SOURCE_COLORS.adsMinor)}
              {t('revenue.sources.ads')}
            </>
          ),
          dataIndex: 'adsMinor',
          align: 'right',
          render: amount,
        },
        {
          title: (
            <>
              {dot(SOURCE_COLORS.membershipsMinor)}
              {t('revenue.sources.memberships')}
            </>
          ),
          dataIndex: 'membershipsMinor',
          align: 'right',
          render: amount,
        },
        {
          title: (
            <>
              {dot(SOURCE_COLORS.storeMinor)}
              {t('revenue.sources.store')}
            </>
          ),
          dataIndex: 'storeMinor',
          align: 'right',
          render: amount,
        },
        {
          title: (
            <>
              {dot(SOURCE_COLORS.refundsMinor)}
              {t('revenue.sources.refunds')}
            </>
          ),
          dataIndex: 'refundsMinor',
          align: 'right',
          render: (v: number) => (v < 0 ? <Typography.Text type="danger">{amount(v)}</Typography.Text> : amount(v)),
        },
        { title: t('revenue.net'), dataIndex: 'netMinor', align: 'right', render: (v: number) => <Typography.Text strong>{amount(v)}</Typography.Text> },
        { title: t('revenue.followers'), dataIndex: 'followers', align: 'right', render: (v: number) => number.format(v) },
        { title: t('revenue.per1000'), dataIndex: 'netPer1000FansMinor', align: 'right', render: (v: number | null) => (v === null ? '—' : amount(v)) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('revenue.total')}</Typography.Text>
          </Table.Summary.Cell>
          {(['adsMinor', 'membershipsMinor', 'storeMinor', 'refundsMinor', 'netMinor'] as const).map((key, i) => (
            <Table.Summary.Cell key={key} index={i + 1} align="right">
              <Typography.Text strong>{amount(report.totals[key])}</Typography.Text>
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={6} />
          <Table.Summary.Cell index={7} />
        </Table.Summary.Row>
      )}
    />
  );
}
