import { InfoCircleOutlined } from '../../../components/ui/icons';
import { Alert, Badge, Card, Col, Row, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../../components/ui/echart';
import { useErrorText } from '../../../lib/use-api-error';
import { useQuality } from '../api/get-quality';
import type { SourceQuality } from '../types';
import { SOURCE_COLORS, useSourceLabel } from './use-source-label';

/** Which sources bring fans who stay and who pay: 30-day retention (table and chart) and conversion to member and to buyer per acquisition source. */
export function QualityCard() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const sourceLabel = useSourceLabel();
  const quality = useQuality();
  const locale = i18n.resolvedLanguage ?? 'en';
  const days = quality.data?.retentionDays ?? 30;
  const sources = quality.data?.sources ?? [];
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

  const columns: TableColumnsType<SourceQuality> = [
    {
      title: t('insights.quality.source'),
      dataIndex: 'source',
      render: (_, row) => (
        // The chart's colour as a dot, the words in the text colour (a tag in a light chart colour is unreadable).
        <Badge color={SOURCE_COLORS[row.source]} text={sourceLabel(row.source)} />
      ),
    },
    { title: t('insights.quality.fans'), dataIndex: 'fans', align: 'right', render: (v: number) => number.format(v) },
    {
      title: (
        <Tooltip title={t('insights.quality.matureHelp', { count: days })}>
          {t('insights.quality.mature', { count: days })} <InfoCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'matureFans',
      align: 'right',
      render: (v: number) => number.format(v),
    },
    { title: t('insights.quality.retained', { count: days }), dataIndex: 'retained', align: 'right', render: (v: number) => number.format(v) },
    {
      title: t('insights.quality.rate', { count: days }),
      dataIndex: 'retentionRate',
      align: 'right',
      render: (v: number | null) =>
        v === null ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('insights.quality.notYet')}
          </Typography.Text>
        ) : (
          <Typography.Text strong>{percent.format(v)}</Typography.Text>
        ),
    },
    {
      title: (
        <Tooltip title={t('insights.quality.membersHelp')}>
          {t('insights.quality.members')} <InfoCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'members',
      align: 'right',
      render: (v: number) => number.format(v),
    },
    {
      title: t('insights.quality.memberRate'),
      dataIndex: 'memberRate',
      align: 'right',
      render: (v: number | null) =>
        v === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text strong data-testid="quality-member-rate">
            {percent.format(v)}
          </Typography.Text>
        ),
    },
    {
      title: (
        <Tooltip title={t('insights.quality.buyersHelp')}>
          {t('insights.quality.buyers')} <InfoCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'buyers',
      align: 'right',
      render: (v: number) => number.format(v),
    },
    {
      title: t('insights.quality.buyerRate'),
      dataIndex: 'buyerRate',
      align: 'right',
      render: (v: number | null) =>
        v === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text strong data-testid="quality-buyer-rate">
            {percent.format(v)}
          </Typography.Text>
        ),
    },
  ];

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
      xAxis: { type: 'category', data: sources.map((s) => sourceLabel(s.source)), axisTick: { show: false }, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('insights.quality.rate', { count: days }),
          barMaxWidth: 48,
          label: { show: true, position: 'top', formatter: (p) => (typeof p.value === 'number' ? `${p.value}%` : '') },
          data: sources.map((s) => ({
            value: s.retentionRate === null ? null : Math.round(s.retentionRate * 1000) / 10,
            itemStyle: { color: SOURCE_COLORS[s.source], borderRadius: [4, 4, 0, 0] },
          })),
        },
      ],
    }),
    [sources, sourceLabel, t, days],
  );

  return (
    <Card title={t('insights.quality.title')} data-testid="quality-card">
      {quality.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(quality.error)} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('insights.quality.explain', { count: days })}</Typography.Paragraph>
          <Row gutter={[24, 16]}>
            {/* The table has nine columns: the whole width up to very wide screens, the chart below it. */}
            <Col xs={24} xxl={16}>
              <Table<SourceQuality>
                rowKey="source"
                size="small"
                columns={columns}
                dataSource={sources}
                loading={quality.isPending}
                pagination={false}
                scroll={{ x: 880 }}
                data-testid="quality-table"
              />
            </Col>
            <Col xs={24} xxl={8}>
              <EChart option={option} height={220} testId="quality-chart" ariaLabel={t('insights.quality.chartLabel', { count: days })} />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
