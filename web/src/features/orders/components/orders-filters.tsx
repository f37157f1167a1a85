import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_CHANNELS, ORDER_STATUSES, type OrderChannel, type OrderStatus } from '../types';

export interface OrderFilters {
  status?: OrderStatus;
  channel?: OrderChannel;
  q?: string;
  from?: string;
  to?: string;
}

type Patch = { [K in keyof OrderFilters]?: OrderFilters[K] | null };

/** Status, channel, a search (order number, fan's email or name) and the days it was placed. */
export function OrdersFilters({ status, channel, q, from, to, onChange }: OrderFilters & { onChange: (patch: Patch) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);

  return (
    <Flex wrap gap={12} align="center">
      <Input.Search
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || null })}
        allowClear
        maxLength={100}
        placeholder={t('ordersConsole.search')}
        style={{ width: 280, maxWidth: '100%' }}
        data-testid="orders-search"
      />
      <Select<OrderStatus>
        allowClear
        value={status}
        onChange={(value) => onChange({ status: value ?? null })}
        placeholder={t('ordersConsole.allStatuses')}
        options={ORDER_STATUSES.map((value) => ({ value, label: t(`orders.status.${value}`) }))}
        style={{ width: 170 }}
        aria-label={t('ordersConsole.columns.status')}
        data-testid="orders-status-filter"
      />
      <Select<OrderChannel>
        allowClear
        value={channel}
        onChange={(value) => onChange({ channel: value ?? null })}
        placeholder={t('ordersConsole.allChannels')}
        options={ORDER_CHANNELS.map((value) => ({ value, label: t(`ordersConsole.channel.${value}`) }))}
        style={{ width: 150 }}
        aria-label={t('ordersConsole.columns.channel')}
        data-testid="orders-channel-filter"
      />
      <DatePicker.RangePicker
        value={from && to ? [dayjs(from), dayjs(to)] : null}
        onChange={(range) =>
          onChange(range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : { from: null, to: null })
        }
        disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        aria-label={t('ordersConsole.placed')}
        data-testid="orders-range"
      />
    </Flex>
  );
}
