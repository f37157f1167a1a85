import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EChart, type ChartOption } from '../../../components/ui/echart';
import { useLevelName } from '../../../lib/loyalty-levels';
import type { FestivalReport } from '../types';

const STEPS = ['reservations', 'orders', 'paid'] as const;
const STEP_COLORS = { reservations: '#91caff', orders: '#1677ff', paid: '#52c41a' } as const;

/** Reservations, orders and paid side by side for each group (tier or level). */
function grouped(t: TFunction, labels: string[], rows: { reservations: number; orders: number; paid: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: STEPS.map((s) => t(`festival.report.figures.${s}`)) },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: STEPS.map((s) => ({ type: 'bar', name: t(`festival.report.figures.${s}`), data: rows.map((r) => r[s]), itemStyle: { color: STEP_COLORS[s] } })),
  };
}

/** The funnel (reservations → orders → paid, and what became of the rest), then the same by tier and by level. */
export function FestivalReportCharts({ report }: { report: FestivalReport }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const funnel = useMemo<ChartOption>(() => {
    const steps = [...STEPS, 'expired', 'fanCanceled', 'refunded'] as const;
    const colors = { ...STEP_COLORS, expired: '#faad14', fanCanceled: '#8c8c8c', refunded: '#cf1322' };
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: steps.map((s) => t(`festival.report.figures.${s}`)) },
      series: [
        {
          type: 'bar',
          name: t('festival.report.funnelTitle'),
          data: steps.map((s) => ({ value: report.total[s], itemStyle: { color: colors[s] } })),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [report.total, t]);
  const byTier = useMemo(
    () =>
      grouped(
        t,
        report.byTier.map((r) => r.tierName ?? t('festival.report.noTier')),
        report.byTier,
      ),
    [report.byTier, t],
  );
  const byLevel = useMemo(
    () =>
      grouped(
        t,
        report.byLevel.map((r) => levelName(r.level)),
        report.byLevel,
      ),
    [report.byLevel, levelName, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card title={t('festival.report.funnelTitle')}>
          <EChart option={funnel} height={280} testId="report-funnel-chart" ariaLabel={t('festival.report.funnelTitle')} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('festival.report.byTierTitle')}>
          <EChart option={byTier} height={280} testId="report-tier-chart" ariaLabel={t('festival.report.byTierTitle')} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('festival.report.byLevelTitle')}>
          <EChart option={byLevel} height={280} testId="report-level-chart" ariaLabel={t('festival.report.byLevelTitle')} />
        </Card>
      </Col>
    </Row>
  );
}
