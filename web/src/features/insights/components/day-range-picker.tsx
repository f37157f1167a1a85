import { DatePicker, Flex, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isOutsideDayBounds } from '../../../lib/day-bounds';
import type { DayRange } from '../types';
import { MAX_RANGE_DAYS, RANGE_PRESETS, daysIn, lastDays } from './day-range';

interface DayRangePickerProps {
  value: DayRange;
  onChange: (range: DayRange) => void;
  /** Today in the channel's time zone. */
  today: string;
}

const FORMAT = 'YYYY-MM-DD';

/** Quick "last N days" switch plus a range picker (the channel's days; no future days, at most ~3 years). */
export function DayRangePicker({ value, onChange, today }: DayRangePickerProps) {
  const { t } = useTranslation();
  const preset = RANGE_PRESETS.find((days) => {
    const range = lastDays(days, today);
    return range.from === value.from && range.to === value.to;
  });

  const disabledDate = (current: Dayjs, info?: { from?: Dayjs }) => {
    const day = current.format(FORMAT);
    if (day > today || isOutsideDayBounds(current)) return true;
    if (!info?.from) return false;
    const from = info.from.format(FORMAT);
    const [a, b] = from < day ? [from, day] : [day, from];
    return daysIn({ from: a, to: b }) > MAX_RANGE_DAYS;
  };

  return (
    <Flex wrap gap={8} align="center">
      <Segmented<number | 'custom'>
        value={preset ?? 'custom'}
        options={[
          ...RANGE_PRESETS.map((days) => ({ value: days, label: t('insights.range.days', { count: days }) })),
          { value: 'custom', label: t('insights.range.custom'), disabled: true },
        ]}
        onChange={(days) => {
          if (typeof days === 'number') onChange(lastDays(days, today));
        }}
        data-testid="range-presets"
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        disabledDate={disabledDate}
        presets={RANGE_PRESETS.map((days) => {
          const range = lastDays(days, today);
          return { label: t('insights.range.last', { count: days }), value: [dayjs(range.from), dayjs(range.to)] as [Dayjs, Dayjs] };
        })}
        onChange={(dates) => {
          const [from, to] = dates ?? [];
          if (from && to) onChange({ from: from.format(FORMAT), to: to.format(FORMAT) });
        }}
        data-testid="range-picker"
      />
    </Flex>
  );
}
