import { Avatar, Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RouterLink } from '../../../components/ui/router-link';
import { useDateFormat } from '../../../lib/format-date';
import type { FanListItem, FanListPage } from '../../segments/types';
import { FanStatusTag } from '../../segments/components/fan-status-tag';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import { serverPagination } from '../../../components/ui/server-pagination';

interface FansTableProps {
  data: FanListPage | undefined;
  loading: boolean;
  filtered: boolean;
  /** Replaces the default "no fans (match)" text. */
  emptyText?: string;
  onPageChange: (page: number, pageSize: number) => void;
  /** The fan's page: the name links there, and a click anywhere on the row opens it. */
  fanHref: (fan: FanListItem) => string;
}

/** Server-paginated list of fans; a row opens the fan's page. */
export function FansTable({ data, loading, filtered, emptyText, onPageChange, fanHref }: FansTableProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const navigate = useNavigate();

  const columns: TableColumnsType<FanListItem> = [
    {
      title: t('fans.columns.displayName'),
      dataIndex: 'displayName',
      width: 280,
      render: (_, fan) => (
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <Avatar size="small" style={{ flex: 'none' }} aria-hidden>
            {fan.displayName.charAt(0).toUpperCase()}
          </Avatar>
          <Typography.Text strong ellipsis={{ tooltip: fan.displayName }} style={{ minWidth: 0 }}>
            <RouterLink to={fanHref(fan)} testId="fan-link">
              {fan.displayName}
            </RouterLink>
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('fans.columns.email'), dataIndex: 'email', ellipsis: true },
    {
      title: t('fans.columns.status'),
      dataIndex: 'status',
      width: 150,
      render: (_, fan) => <FanStatusTag status={fan.status} />,
    },
    {
      title: t('fans.columns.followingSince'),
      dataIndex: 'followingSince',
      width: 170,
      render: (value: string | null) => (value ? date(value) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('fans.columns.signedUp'), dataIndex: 'createdAt', width: 170, render: (value: string) => date(value) },
  ];

  const itemRender = usePageItemRender();
  const pagination = serverPagination(data, onPageChange, (total) => t('fans.paginationTotal', { count: total }));

  return (
    <div data-testid="fans-table">
      <Table<FanListItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{ ...pagination, itemRender }}
        scroll={{ x: 800 }}
        onRow={(fan) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) void navigate(fanHref(fan));
          },
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? (filtered ? t('fans.emptyFiltered') : t('fans.empty'))} />,
        }}
      />
    </div>
  );
}
