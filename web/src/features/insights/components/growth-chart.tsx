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
 * Two panels on one day axis: followers at the end of each day (a line from zero, on its own
 * scale), and under it the day's moves, new follows stacked by source above zero and unfollows
 * below. One scale per panel, so no second axis whose ticks do not match; a range with nothing
 * in it draws its lines at zero, not along the top edge.
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
    const dayKeys = days.map((d) => d.day);
    // Empty scales get a height of 1, so zero sits at the bottom (or the middle line) of its panel.
    const anyFollowers = days.some((d) => d.cumulative > 0);
    const anyFollows = days.some((d) => d.newFollows > 0);
    const anyUnfollows = days.some((d) => d.lostFollows > 0);
    const count = (v: number) => number.format(v);
    const panelTitle = { left: 8, textStyle: { fontSize: 12, fontWeight: 'normal' as const, color: 'rgba(0, 0, 0, 0.62)' } };

    return {
      animationDuration: 400,
      title: [
        { ...panelTitle, text: followers, top: 36 },
        { ...panelTitle, text: t('insights.dailyMoves'), top: '46%' },
      ],
      legend: { top: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: [
        { left: 8, right: 16, top: 64, height: '26%', containLabel: true },
        { left: 8, right: 16, top: '54%', bottom: 8, containLabel: true },
      ],
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (raw: unknown) => {
          const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
          const day = days[params[0]?.dataIndex ?? 0];
          if (!day) return '';
          const rows = params
            .filter((p) => p.seriesName === followers || p.value !== 0)
            .map((p) => `${p.marker}${p.seriesName}<span style="float:right;margin-left:24px;font-weight:600">${count(Math.abs(p.value))}</span>`);
          return [`<b>${longDay.format(new Date(`${day.day}T00:00:00Z`))}</b>`, ...rows].join('<br/>');
        },
      },
      xAxis: [
        { type: 'category', gridIndex: 0, data: dayKeys, axisTick: { show: false }, axisLabel: { show: false } },
        {
          type: 'category',
          gridIndex: 1,
          data: dayKeys,
          axisTick: { alignWithLabel: true },
          axisLabel: { formatter: (value: string) => shortDay.format(new Date(`${value}T00:00:00Z`)), hideOverlap: true },
        },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0, min: 0, max: anyFollowers ? undefined : 1, minInterval: 1, splitNumber: 3, axisLabel: { formatter: count } },
        {
          type: 'value',
          gridIndex: 1,
          min: anyUnfollows ? undefined : 0,
          max: anyFollows ? undefined : 1,
          minInterval: 1,
          splitNumber: 4,
          // Unfollows are drawn below zero but are counts: no minus sign on the axis.
          axisLabel: { formatter: (v: number) => count(Math.abs(v)) },
        },
      ],
      series: [
        {
          type: 'line' as const,
          name: followers,
          xAxisIndex: 0,
          yAxisIndex: 0,
          color: FOLLOWERS_COLOR,
          symbol: 'circle',
          showSymbol: !many,
          symbolSize: 5,
          lineStyle: { width: 2 },
          areaStyle: { opacity: 0.08 },
          data: days.map((d) => d.cumulative),
        },
        ...SOURCE_TYPES.map((source) => ({
          type: 'bar' as const,
          name: sourceLabel(source),
          xAxisIndex: 1,
          yAxisIndex: 1,
          stack: 'moves',
          barMaxWidth: 28,
          color: SOURCE_COLORS[source],
          emphasis: { focus: 'series' as const },
          data: days.map((d) => d.follows[source]),
        })),
        {
          type: 'bar' as const,
          name: unfollows,
          xAxisIndex: 1,
          yAxisIndex: 1,
          stack: 'moves',
          barMaxWidth: 28,
          color: UNFOLLOW_COLOR,
          emphasis: { focus: 'series' as const },
          data: days.map((d) => -d.lostFollows),
        },
      ],
    };
  }, [growth, locale, sourceLabel, t]);

  return <EChart option={option} height={440} testId="growth-chart" ariaLabel={t('insights.growthTitle')} />;
}
