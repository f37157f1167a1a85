import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../../components/ui/echart';
import type { AdminFestival } from '../types';

/** The demand forecast: reservations against quota, per item. */
export function FestivalDemandCard({ festival }: { festival: AdminFestival }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('festival.demand.reservations'), t('festival.demand.quota')] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: festival.items.map((i) => i.variant.sku), inverse: true },
      series: [
        { name: t('festival.demand.reservations'), type: 'bar', data: festival.items.map((i) => i.reservations), itemStyle: { color: '#fa541c' } },
        { name: t('festival.demand.quota'), type: 'bar', data: festival.items.map((i) => i.quota), itemStyle: { color: '#d9d9d9' } },
      ],
    }),
    [festival.items, t],
  );
  return (
    <Card title={t('festival.demand.title')} data-testid="festival-demand">
      {festival.items.length === 0 ? (
        <Empty description={t('festival.items.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {festival.requiresReservation ? t('festival.demand.summary', { count: festival.reservedFans }) : t('festival.demand.notRequired')}
          </Typography.Paragraph>
          <EChart option={option} height={Math.max(160, 48 * festival.items.length + 60)} testId="festival-demand-chart" ariaLabel={t('festival.demand.title')} />
          {festival.items.map((i) => (
            <Typography.Paragraph key={i.id} style={{ margin: 0 }} data-testid="demand-row">
              {t('festival.demand.row', { sku: i.variant.sku, reservations: i.reservations, quota: i.quota })}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </Card>
  );
}
