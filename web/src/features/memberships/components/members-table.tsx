import { Empty, Flex, Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import { RouterLink } from '../../../components/ui/router-link';
import { serverPagination } from '../../../components/ui/server-pagination';
import { useDateFormat } from '../../../lib/format-date';
import type { MembershipPage, StaffMembership } from '../types';
import { MembershipStatusTag } from './membership-tags';
import { useMembershipText } from './use-membership-text';

interface MembersTableProps {
  data: MembershipPage | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  /** The fan's console page, where the name links. */
  fanHref: (fanId: string) => string;
}

/** Server-paged memberships, most recently changed first; on a phone each one is a single stacked cell. */
export function MembersTable({ data, loading, filtered, onPageChange, fanHref }: MembersTableProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const text = useMembershipText();
  const itemRender = usePageItemRender();
  const compact = !Grid.useBreakpoint().md;

  const fan = (m: StaffMembership): ReactNode => (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text strong ellipsis={{ tooltip: m.fan.displayName }}>
        <RouterLink to={fanHref(m.fan.id)} testId="member-link">
          {m.fan.displayName || m.fan.email}
        </RouterLink>
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis={{ tooltip: m.fan.email }} style={{ fontSize: 12 }}>
        {m.fan.email}
      </Typography.Text>
    </Flex>
  );

  const cancel = (m: StaffMembership): ReactNode =>
    m.cancelReason ? (
      <Flex vertical gap={2}>
        <Typography.Text>{text.cancelReason(m.cancelReason)}</Typography.Text>
        {m.cancelNote ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: m.cancelNote }}>
            “{m.cancelNote}”
          </Typography.Paragraph>
        ) : null}
      </Flex>
    ) : null;

  const columns: TableColumnsType<StaffMembership> = compact
    ? [
        {
          title: t('memberships.columns.fan'),
          key: 'member',
          render: (_, m) => (
            <Flex vertical gap={6} style={{ minWidth: 0 }}>
              {fan(m)}
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{m.tier.name}</Typography.Text>
                <MembershipStatusTag status={m.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('memberships.periodEndsLine', { date: date(m.currentPeriodEnd), renewal: text.renewal(m) })}
              </Typography.Text>
              {cancel(m)}
            </Flex>
          ),
        },
      ]
    : [
        { title: t('memberships.columns.fan'), key: 'fan', fixed: 'left', width: 220, render: (_, m) => fan(m) },
        { title: t('memberships.columns.tier'), key: 'tier', width: 120, render: (_, m) => m.tier.name },
        { title: t('memberships.columns.status'), dataIndex: 'status', width: 110, render: (_, m) => <MembershipStatusTag status={m.status} /> },
        { title: t('memberships.columns.periodEnd'), dataIndex: 'currentPeriodEnd', width: 130, render: (value: string) => date(value) },
        { title: t('memberships.columns.renewal'), key: 'renewal', width: 160, render: (_, m) => text.renewal(m) },
        {
          title: t('memberships.columns.cancelReason'),
          key: 'cancel',
          render: (_, m) => cancel(m) ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
      ];

  const pagination = serverPagination(data, onPageChange, (total) => t('memberships.membersTotal', { count: total }));

  return (
    <div data-testid="members-table">
      <Table<StaffMembership>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{ ...pagination, itemRender }}
        size="middle"
        scroll={compact ? undefined : { x: 900 }}
        // One stacked column on a phone: fixed, so long names wrap or shorten instead of widening the page.
        tableLayout={compact ? 'fixed' : undefined}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('memberships.membersEmptyFiltered') : t('memberships.membersEmpty')} />,
        }}
      />
    </div>
  );
}
