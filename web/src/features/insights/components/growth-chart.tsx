import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../../components/ui/echart';
import { SOURCE_TYPES, type Growth } from '../types';
import { FOLLOWERS_COLOR, SOURCE_COLORS, UNFOLLOW_COLOR, useSourceLabel } from './use-source-label';

interface TooltipParam {
  seriesName: string;
  seriesIndex: number;
  value: number;
  marker: string;
  dataIndex: number;
}

/**
 * New follows per day stacked by source, unfollows as negative bars on the same stack, and
 * followers at the end of each day as a line on the right-hand axis.
 */
export function GrowthChart({ growth }: { growth: Growth }) {
  const { t, i18n } = useTranslation();
  const sourceLabel = useSourceLabel();
  const locale = i18n.resolvedLanguage ?? 'en';

  const option = useMemo<ChartOption>(() => {
    const number = new Intl.NumberFormat(locale);
    const days = growth.days;
    // A range across new year shows the year on the axis too.
    const manyYears = days.length > 0 && days[0]!.day.slice(0, 4) !== days[days.length - 1]!.day.slice(0, 4);
    const shortDay = new Intl.DateTimeFormat(locale, { year: manyYears ? 'numeric' : undefined, month: 'short', day: 'numeric', timeZone: 'UTC' });
    const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const followers = t('insights.followers');
    const unfollows = t('insights.unfollows');
    const many = days.length > 60;

    return {
      animationDuration: 400,
      legend: { top: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { left: 8, right: 8, top: 44, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (raw: unknown) => {
          const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
          const day = days[params[0]?.dataIndex ?? 0];
          if (!day) return '';
          const rows = params
            .filter((p) => p.seriesName === followers || p.value !== 0)
            .map((p) => `${p.marker}${p.seriesName}<span style="float:right;margin-left:24px;font-weight:600">${number.format(Math.abs(p.value))}</span>`);
          return [`<b>${longDay.format(new Date(`${day.day}T00:00:00Z`))}</b>`, ...rows].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: days.map((d) => d.day),
        axisTick: { alignWithLabel: true },
        axisLabel: { formatter: (value: string) => shortDay.format(new Date(`${value}T00:00:00Z`)), hideOverlap: true },
      },
      // Ticks aligned so both axes share one set of grid lines; the followers axis may then reach
      // below zero to line up with the unfollow bars, but never labels a negative count.
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => number.format(v) } },
        { type: 'value', minInterval: 1, alignTicks: true, axisLabel: { formatter: (v: number) => (v < 0 ? '' : number.format(v)) } },
      ],
      series: [
        ...SOURCE_TYPES.map((source) => ({
          type: 'bar' as const,
          name: sourceLabel(source),
          stack: 'moves',
          barMaxWidth: 28,
          color: SOURCE_COLORS[source],
          emphasis: { focus: 'series' as const },
          data: days.map((d) => d.follows[source]),
        })),
        {
          type: 'bar' as const,
          name: unfollows,
          stack: 'moves',
          barMaxWidth: 28,
          color: UNFOLLOW_COLOR,
          emphasis: { focus: 'series' as const },
          data: days.map((d) => -d.lostFollows),
        },
        {
          type: 'line' as const,
          name: followers,
          yAxisIndex: 1,
          color: FOLLOWERS_COLOR,
          symbol: 'circle',
          showSymbol: !many,
          symbolSize: 5,
          lineStyle: { width: 2 },
          data: days.map((d) => d.cumulative),
        },
      ],
    };
  }, [growth, locale, sourceLabel, t]);

  return <EChart option={option} height={360} testId="growth-chart" ariaLabel={t('insights.growthTitle')} />;
}
