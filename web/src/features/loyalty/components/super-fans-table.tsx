import { ClockCircleOutlined } from '../../../components/ui/icons';
import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { RankedFan, Signal } from '../types';
import { RankedFansTable, type RankedFansPageProps } from './ranked-fans-table';
import { RuleProgress } from './rule-progress';
import { strictestPerSignal } from './rule-results';
import { useRuleText } from './use-rule-text';

const GRACE_BACKGROUND = '#fffbe6';
const SHOWN_SIGNALS: Signal[] = ['unique_reads', 'days_active', 'shares', 'days_since_active'];

/** Super fans; those who stopped qualifying and keep the level only through the grace period come first, highlighted. */
export function SuperFansTable(props: RankedFansPageProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const { signalLabel, valueLabel } = useRuleText();

  const columns: TableColumnsType<RankedFan> = [
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
  ];

  return (
    <RankedFansTable
      {...props}
      testId="super-fans-table"
      fanWidth={240}
      after={columns}
      rowProps={(row) => (row.graceUntil ? ({ style: { background: GRACE_BACKGROUND }, 'data-grace': 'true' } as HTMLAttributes<HTMLElement>) : {})}
      totalText={(count) => t('loyalty.superFansTotal', { count })}
      emptyText={t('loyalty.noSuperFans')}
    />
  );
}
