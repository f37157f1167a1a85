import { ClockCircleOutlined } from '@ant-design/icons';
import { Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { RankedFan, RankedFanPerson, Signal } from '../types';
import { FanCell } from './fan-cell';
import { RuleProgress } from './rule-progress';
import { strictestPerSignal } from './rule-results';
import { useRuleText } from './use-rule-text';

interface SuperFansTableProps {
  items: RankedFan[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  loading: boolean;
  fanHref: (id: string) => string;
  actions?: (fan: RankedFanPerson) => ReactNode;
}

const GRACE_BACKGROUND = '#fffbe6';
const SHOWN_SIGNALS: Signal[] = ['unique_reads', 'days_active', 'shares', 'days_since_active'];

/** Super fans; those who stopped qualifying and keep the level only through the grace period come first, highlighted. */
export function SuperFansTable({ items, total, page, pageSize, onPageChange, loading, fanHref, actions }: SuperFansTableProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const { signalLabel, valueLabel } = useRuleText();

  const columns: TableColumnsType<RankedFan> = [
    { title: t('loyalty.columns.fan'), key: 'fan', width: 240, render: (_, row) => <FanCell fan={row.fan} href={fanHref(row.fan.id)} /> },
    {
      title: t('loyalty.columns.state'),
      key: 'state',
      width: 260,
      render: (_, row) =>
        row.graceUntil ? (
          <Flex vertical gap={6}>
            <Tag color="warning" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }} data-testid="grace-tag">
              {t('loyalty.inGraceUntil', { date: date(row.graceUntil) })}
            </Tag>
            {strictestPerSignal(row.missing).map((rule) => (
              <RuleProgress key={`${rule.level}-${rule.signal}`} rule={rule} compact />
            ))}
          </Flex>
        ) : (
          <Tag color="success" style={{ marginInlineEnd: 0 }}>
            {t('loyalty.qualifies')}
          </Tag>
        ),
    },
    {
      title: t('loyalty.columns.since'),
      dataIndex: 'levelSince',
      width: 150,
      render: (value: string | null) => (value ? date(value) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('loyalty.columns.signals'),
      key: 'signals',
      render: (_, row) => (
        <Flex wrap gap="2px 12px">
          {SHOWN_SIGNALS.map((signal) => (
            <Typography.Text key={signal} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {signalLabel(signal)}
              </Typography.Text>{' '}
              {valueLabel(signal, row.signals[signal] === undefined ? 0 : row.signals[signal])}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 110, align: 'right' as const, render: (_: unknown, row: RankedFan) => actions(row.fan) }] : []),
  ];

  return (
    <div data-testid="super-fans-table">
      <Table<RankedFan>
        rowKey={(row) => row.fan.id}
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={total > pageSize ? { current: page, pageSize, total, onChange: onPageChange, showSizeChanger: false, showTotal: (n) => t('loyalty.superFansTotal', { count: n }) } : false}
        scroll={{ x: 900 }}
        onRow={(row) => (row.graceUntil ? { style: { background: GRACE_BACKGROUND }, 'data-grace': 'true' } as object : {})}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.noSuperFans')} /> }}
      />
    </div>
  );
}
