import { ArrowDownOutlined, ArrowUpOutlined, CrownOutlined } from '../../../components/ui/icons';
import { Alert, Card, Col, Flex, Row, Skeleton, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../../components/ui/echart';
import { LEVEL_COLORS, isLoyaltyLevel, useLevelName } from '../../../lib/loyalty-levels';
import { useErrorText } from '../../../lib/use-api-error';
import { useFunnel } from '../api/get-funnel';

/** Fans per level, level 0 on top and super fans at the bottom, and the moves of the last 30 days. */
export function FunnelCard() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const levelName = useLevelName();
  const funnel = useFunnel();
  const locale = i18n.resolvedLanguage ?? 'en';
  const levels = funnel.data?.levels;

  const option = useMemo<ChartOption>(() => {
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const rows = levels ?? [];
    const total = rows.reduce((n, l) => n + l.fans, 0);
    // One bar per level, level 0 on top: its length is its fans (a level with none draws no bar,
    // only its 0), names on the axis and counts after the bars, so they never run together.
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (raw: unknown) => {
          const p = raw as { name: string; value: number; marker: string };
          return `${p.marker}${p.name}: <b>${number.format(p.value)}</b> (${percent.format(total ? p.value / total : 0)})`;
        },
      },
      xAxis: { type: 'value', show: false, min: 0, max: Math.max(1, ...rows.map((l) => l.fans)) },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((l) => t('loyalty.levelTag', { level: l.level, name: levelName(l.level) })),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: '#1f2937', fontSize: 13, margin: 12 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          showBackground: true,
          backgroundStyle: { color: 'rgba(0, 0, 0, 0.03)', borderRadius: 4 },
          label: { show: true, position: 'right', distance: 8, fontWeight: 600, color: '#1f2937', formatter: (p) => number.format(Number(p.value)) },
          data: rows.map((l) => ({
            value: l.fans,
            itemStyle: { color: isLoyaltyLevel(l.level) ? LEVEL_COLORS[l.level] : undefined, borderRadius: 4 },
          })),
        },
      ],
    };
  }, [levels, locale, levelName, t]);

  const superFans = levels?.find((l) => l.level === 4)?.fans ?? 0;

  return (
    <Card title={t('loyalty.funnel.title')} style={{ height: '100%' }}>
      {funnel.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(funnel.error)} />
      ) : funnel.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={16}>
            <EChart option={option} height={280} testId="funnel-chart" ariaLabel={t('loyalty.funnel.title')} />
          </Col>
          <Col xs={24} md={8}>
            <Flex vertical gap={20}>
              <Statistic
                title={t('loyalty.funnel.superFans')}
                value={superFans}
                prefix={<CrownOutlined />}
                styles={{ content: { color: LEVEL_COLORS[4] } }}
                data-testid="funnel-super-fans"
              />
              <Statistic
                title={t('loyalty.funnel.movedUp')}
                value={funnel.data.last30Days.up}
                prefix={<ArrowUpOutlined />}
                styles={{ content: { color: '#389e0d' } }}
                data-testid="funnel-up"
              />
              <Statistic
                title={t('loyalty.funnel.movedDown')}
                value={funnel.data.last30Days.down}
                prefix={<ArrowDownOutlined />}
                styles={{ content: { color: '#cf1322' } }}
                data-testid="funnel-down"
              />
            </Flex>
          </Col>
        </Row>
      )}
    </Card>
  );
}
