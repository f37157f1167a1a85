import { Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankedFan, RankedFanPerson } from '../types';
import { FanCell } from './fan-cell';
import { LevelTag } from './level-tag';
import { RuleProgress } from './rule-progress';
import { strictestPerSignal } from './rule-results';

interface CandidatesTableProps {
  items: RankedFan[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  loading: boolean;
  fanHref: (id: string) => string;
  actions?: (fan: RankedFanPerson) => ReactNode;
}

/** Fans closest to level 4, closest first, each with what they still miss as progress bars. */
export function CandidatesTable({ items, total, page, pageSize, onPageChange, loading, fanHref, actions }: CandidatesTableProps) {
  const { t } = useTranslation();

  const columns: TableColumnsType<RankedFan> = [
    {
      title: '#',
      key: 'rank',
      width: 48,
      render: (_, __, index) => <Typography.Text type="secondary">{(page - 1) * pageSize + index + 1}</Typography.Text>,
    },
    { title: t('loyalty.columns.fan'), key: 'fan', width: 250, render: (_, row) => <FanCell fan={row.fan} href={fanHref(row.fan.id)} /> },
    { title: t('loyalty.columns.level'), key: 'level', width: 150, render: (_, row) => <LevelTag level={row.level} /> },
    {
      title: t('loyalty.columns.missing'),
      key: 'missing',
      render: (_, row) => (
        <Flex vertical gap={6} style={{ maxWidth: 420 }}>
          {strictestPerSignal(row.missing).map((rule) => (
            <RuleProgress key={`${rule.level}-${rule.signal}`} rule={rule} compact />
          ))}
        </Flex>
      ),
    },
    ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 110, align: 'right' as const, render: (_: unknown, row: RankedFan) => actions(row.fan) }] : []),
  ];

  return (
    <div data-testid="candidates-table">
      <Table<RankedFan>
        rowKey={(row) => row.fan.id}
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={total > pageSize ? { current: page, pageSize, total, onChange: onPageChange, showSizeChanger: false, showTotal: (n) => t('loyalty.candidatesTotal', { count: n }) } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loyalty.noCandidates')} /> }}
      />
    </div>
  );
}
