import type { CSSProperties } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

// Only what the console's charts draw: the library is tree-shaken down to these.
echarts.use([BarChart, LineChart, GridComponent, TitleComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TitleComponentOption | TooltipComponentOption | LegendComponentOption
>;

interface EChartProps {
  option: ChartOption;
  height: number;
  testId?: string;
  /** Read by screen readers in place of the canvas. */
  ariaLabel?: string;
  style?: CSSProperties;
}

/** An ECharts chart that follows its container's width; options are replaced, not merged. */
export function EChart({ option, height, testId, ariaLabel, style }: EChartProps) {
  return (
    <div data-testid={testId} role="img" aria-label={ariaLabel}>
      <EChartsReactCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%', ...style }} />
    </div>
  );
}
