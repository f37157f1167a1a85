import { Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { serverPagination } from '../../../components/ui/server-pagination';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import type { OrderStatus, Page, StaffOrderSummary } from '../types';
import { LinePicture } from './line-picture';
import { OrderStatusTag } from './order-status-tag';

interface OrdersTableProps {
  page: Page<StaffOrderSummary> | undefined;
  loading: boolean;
  onOpen: (id: string) => void;
  onPage: (page: number, pageSize: number) => void;
}

/** The store's orders, newest first: number, when, the fan, what, total and status; a row opens the order. */
export function OrdersTable({ page, loading, onOpen, onPage }: OrdersTableProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const money = useMoneyFormat();

  const columns: TableColumnsType<StaffOrderSummary> = [
    {
      title: t('ordersConsole.columns.number'),
      dataIndex: 'number',
      width: 110,
      render: (value: string) => <Typography.Text strong>{value}</Typography.Text>,
    },
    { title: t('ordersConsole.columns.placed'), dataIndex: 'createdAt', width: 170, render: (value: string) => dateTime(value) },
    {
      title: t('ordersConsole.columns.fan'),
      key: 'fan',
      width: 200,
      render: (_, o) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{o.fan.displayName}</Typography.Text>
          {o.fan.email ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {o.fan.email}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('ordersConsole.columns.items'),
      key: 'items',
      render: (_, o) => (
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          <LinePicture image={o.image} size={32} />
          <Typography.Text ellipsis>{o.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ flex: 'none' }}>
            × {o.items}
          </Typography.Text>
          {o.channel === 'festival' ? <Tag color="magenta">{t('ordersConsole.channel.festival')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('ordersConsole.columns.total'),
      dataIndex: 'totalMinor',
      width: 130,
      align: 'right',
      render: (_: number, o) => money({ amountMinor: o.totalMinor, currency: o.currency }),
    },
    { title: t('ordersConsole.columns.status'), dataIndex: 'status', width: 130, render: (value: OrderStatus) => <OrderStatusTag status={value} /> },
  ];

  return (
    <Table<StaffOrderSummary>
      rowKey="id"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      pagination={serverPagination(page, onPage, (total) => t('ordersConsole.paginationTotal', { count: total }))}
      onRow={(o) => ({ onClick: () => onOpen(o.id), style: { cursor: 'pointer' }, 'data-testid': 'order-row', 'data-number': o.number })}
      scroll={{ x: 900 }}
      data-testid="orders-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ordersConsole.empty')} /> }}
    />
  );
}
