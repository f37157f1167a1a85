import { DatePicker, Flex, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MonthRange } from '../types';
import { MAX_RANGE_MONTHS, RANGE_PRESETS, lastMonths, monthsIn } from './month-range';

interface MonthRangePickerProps {
  value: MonthRange;
  onChange: (range: MonthRange) => void;
  /** This UTC month: no later month can be picked. */
  current: string;
}

const FORMAT = 'YYYY-MM';

/** "Last N months" presets plus a month range picker (UTC months, at most 36). */
export function MonthRangePicker({ value, onChange, current }: MonthRangePickerProps) {
  const { t } = useTranslation();
  const preset = RANGE_PRESETS.find((months) => {
    const range = lastMonths(months, current);
    return range.from === value.from && range.to === value.to;
  });

  const disabledDate = (month: Dayjs, info?: { from?: Dayjs }) => {
    const m = month.format(FORMAT);
    if (m > current || m < '1900-01') return true;
    if (!info?.from) return false;
    const from = info.from.format(FORMAT);
    const [a, b] = from < m ? [from, m] : [m, from];
    return monthsIn({ from: a, to: b }) > MAX_RANGE_MONTHS;
  };

  return (
    <Flex wrap gap={8} align="center">
      {/* A range that is no preset selects none: the picker beside it shows it. */}
      <Segmented<number>
        value={preset ?? -1}
        options={RANGE_PRESETS.map((months) => ({ value: months, label: t('revenue.range.months', { count: months }) }))}
        onChange={(months) => onChange(lastMonths(months, current))}
        data-testid="revenue-range-presets"
      />
      <DatePicker.RangePicker
        picker="month"
        allowClear={false}
        value={[dayjs(`${value.from}-01`), dayjs(`${value.to}-01`)]}
        disabledDate={disabledDate}
        onChange={(dates) => {
          const [from, to] = dates ?? [];
          if (from && to) onChange({ from: from.format(FORMAT), to: to.format(FORMAT) });
        }}
        aria-label={t('revenue.range.label')}
        data-testid="revenue-range-picker"
      />
    </Flex>
  );
}
