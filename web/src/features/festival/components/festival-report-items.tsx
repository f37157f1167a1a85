import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import type { FestivalReport } from '../types';

type Row = FestivalReport['items'][number] & { refusals?: number };

/** The funnel per item, and the total row (refusals are counted per festival, not per item). */
export function FestivalReportItems({ report }: { report: FestivalReport }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const percent = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'percent', maximumFractionDigits: 1 });
  const rate = (r: number | null) => (r === null ? '—' : percent.format(r));
  const total: Row = { id: 'total', sku: '', title: t('festival.report.total'), quota: report.items.reduce((n, i) => n + i.quota, 0), ...report.total };
  const n = (key: 'reservations' | 'orders' | 'paid' | 'expired' | 'fanCanceled' | 'refunded' | 'unitsSold') => ({
    key,
    dataIndex: key,
    title: t(`festival.report.figures.${key}`),
    align: 'right' as const,
  });
  return (
    <Card title={t('festival.report.itemsTitle')}>
      <Table<Row>
        rowKey="id"
        dataSource={[...report.items, total]}
        pagination={false}
        size="middle"
        scroll={{ x: true }}
        data-testid="report-items"
        columns={[
          { key: 'item', title: t('festival.board.item'), render: (_, r) => (r.sku ? `${r.title} (${r.sku})` : <strong>{r.title}</strong>) },
          n('reservations'),
          n('orders'),
          n('paid'),
          { key: 'orderRate', title: t('festival.report.figures.orderRate'), align: 'right', render: (_, r) => rate(r.orderRate) },
          { key: 'paidRate', title: t('festival.report.figures.paidRate'), align: 'right', render: (_, r) => rate(r.paidRate) },
          n('expired'),
          n('fanCanceled'),
          n('refunded'),
          n('unitsSold'),
          { key: 'gmv', title: t('festival.report.figures.gmv'), align: 'right', render: (_, r) => money({ amountMinor: r.gmvMinor, currency: report.currency }) },
          { key: 'refusals', title: t('festival.report.figures.refusals'), align: 'right', render: (_, r) => r.refusals ?? '—' },
        ]}
      />
    </Card>
  );
}
