import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../../components/ui/echart';
import { currencySymbol, toMajor, useMoneyFormat } from '../../../lib/format-money';
import type { RevenueReport } from '../types';
import { useMonthLabel } from './month-label';
import { NET_COLOR, SOURCE_COLORS, SOURCES } from './revenue-colors';

interface TooltipParam {
  seriesName: string;
  value: number;
  marker: string;
  dataIndex: number;
}

/**
 * Revenue per month: ads, memberships and store stacked above zero, refunds below it, and the
 * net (what is left after refunds) as a line over them, on one money scale. A range with
 * nothing in it draws its zero line at the bottom, not along the top edge, and no scale.
 */
export function RevenueChart({ report }: { report: RevenueReport }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const monthLabel = useMonthLabel();
  const locale = i18n.resolvedLanguage ?? 'en';

  const option = useMemo<ChartOption>(() => {
    const { currency, months } = report;
    const symbol = currencySymbol(currency, locale);
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const anyRevenue = months.some((m) => m.adsMinor + m.membershipsMinor + m.storeMinor > 0 || m.netMinor > 0);
    const anyRefunds = months.some((m) => m.refundsMinor < 0 || m.netMinor < 0);
    const names = {
      adsMinor: t('revenue.sources.ads'),
      membershipsMinor: t('revenue.sources.memberships'),
      storeMinor: t('revenue.sources.store'),
      refundsMinor: t('revenue.sources.refunds'),
    };
    const net = t('revenue.net');
    return {
      animationDuration: 400,
      legend: { top: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (raw: unknown) => {
          const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
          const month = months[params[0]?.dataIndex ?? 0];
          if (!month) return '';
          const rows = params
            .filter((p) => p.seriesName === net || p.value !== 0)
            .map(
              (p) =>
                `${p.marker}${p.seriesName}<span style="float:right;margin-left:24px;font-weight:600">${money({ amountMinor: toMinorOf(p, month, names, net), currency })}</span>`,
            );
          return [`<b>${monthLabel(month.month)}</b>`, ...rows].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: months.map((m) => m.month),
        axisTick: { alignWithLabel: true },
        axisLabel: { formatter: (value: string) => monthLabel(value), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        min: anyRefunds ? undefined : 0,
        max: anyRevenue ? undefined : 1,
        splitNumber: 4,
        // An empty range has no scale to read: its zero line alone, and the note under the chart.
        axisLabel: { show: anyRevenue || anyRefunds, formatter: (v: number) => `${v < 0 ? '−' : ''}${symbol}${compact.format(Math.abs(v))}` },
      },
      series: [
        ...SOURCES.map((key) => ({
          type: 'bar' as const,
          name: names[key],
          stack: 'revenue',
          barMaxWidth: 36,
          color: SOURCE_COLORS[key],
          emphasis: { focus: 'series' as const },
          data: months.map((m) => toMajor(m[key], currency)),
        })),
        {
          type: 'line' as const,
          name: net,
          color: NET_COLOR,
          symbol: 'circle',
          symbolSize: 6,
          showSymbol: months.length <= 24,
          lineStyle: { width: 2 },
          z: 3,
          data: months.map((m) => toMajor(m.netMinor, currency)),
        },
      ],
    };
  }, [report, locale, money, monthLabel, t]);

  return <EChart option={option} height={360} testId="revenue-chart" ariaLabel={t('revenue.chartTitle')} />;
}

/** The exact minor amount behind a tooltip row (the chart draws major units, which may not be exact). */
function toMinorOf(p: TooltipParam, month: RevenueReport['months'][number], names: Record<(typeof SOURCES)[number], string>, net: string): number {
  if (p.seriesName === net) return month.netMinor;
  const key = SOURCES.find((k) => names[k] === p.seriesName);
  return key ? month[key] : 0;
}
