import { Button, Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import type { RankedFan, RankedFanPerson } from '../types';
import { FanCell } from './fan-cell';

/** What both ranked lists (super fans, candidates) take: one server page and what to do with a fan. */
export interface RankedFansPageProps {
  items: RankedFan[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  loading: boolean;
  fanHref: (id: string) => string;
  actions?: (fan: RankedFanPerson) => ReactNode;
  /** What to do with the selected fans (the page composes it, say tagging them); `clear` empties the selection. */
  selectionActions?: (fanIds: string[], clear: () => void) => ReactNode;
}

interface RankedFansTableProps extends RankedFansPageProps {
  testId: string;
  /** Columns before the fan, and after it (before the actions). */
  before?: TableColumnsType<RankedFan>;
  after: TableColumnsType<RankedFan>;
  fanWidth: number;
  totalText: (count: number) => string;
  emptyText: string;
  rowProps?: (row: RankedFan) => HTMLAttributes<HTMLElement>;
}

/**
 * A server-paged table of ranked fans: fan cell, the list's own columns, and the row actions.
 * Fans can be selected across pages and acted on together (`selectionActions`).
 */
export function RankedFansTable(props: RankedFansTableProps) {
  const { t } = useTranslation();
  const itemRender = usePageItemRender();
  const [selected, setSelected] = useState<Key[]>([]);
  const { items, total, page, pageSize, onPageChange, loading, fanHref, actions, selectionActions } = props;
  const columns: TableColumnsType<RankedFan> = [
    ...(props.before ?? []),
    { title: t('loyalty.columns.fan'), key: 'fan', width: props.fanWidth, render: (_, row) => <FanCell fan={row.fan} href={fanHref(row.fan.id)} /> },
    ...props.after,
    ...(actions
      ? [{ title: t('common.actions'), key: 'actions', width: 110, align: 'right' as const, render: (_: unknown, row: RankedFan) => actions(row.fan) }]
      : []),
  ];
  return (
    <div data-testid={props.testId}>
      {selected.length > 0 ? (
        <Flex align="center" gap={12} style={{ marginBottom: 12 }} data-testid="selection-bar">
          <Typography.Text>{t('tags.selected', { count: selected.length })}</Typography.Text>
          {selectionActions?.(selected.map(String), () => setSelected([]))}
          <Button size="small" type="link" onClick={() => setSelected([])}>
            {t('tags.clearSelection')}
          </Button>
        </Flex>
      ) : null}
      {/*
        Scrolls sideways in its own box rather than with the table's scroll.x: that makes antd
        copy every column title into a hidden measuring row, here the "select all" checkbox, a
        focusable control screen readers are told is not there.
      */}
      <div style={{ overflowX: 'auto' }}>
        <Table<RankedFan>
          style={{ minWidth: 900 }}
          rowSelection={{ selectedRowKeys: selected, onChange: setSelected, preserveSelectedRowKeys: true }}
          rowKey={(row) => row.fan.id}
          columns={columns}
          dataSource={items}
          loading={loading}
          pagination={
            total > pageSize ? { current: page, pageSize, total, onChange: onPageChange, showSizeChanger: false, showTotal: props.totalText, itemRender } : false
          }
          onRow={props.rowProps}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
        />
      </div>
    </div>
  );
}
