import { WarningOutlined } from '../../../components/ui/icons';
import { Empty, Flex, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverPagination } from '../../../components/ui/server-pagination';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import { usePayments } from '../api/get-payments';
import { PAYMENT_STATUSES, type Payment, type PaymentStatus } from '../types';
import { PaymentStatusTag, TestModeTag } from './payment-status-tag';

/** Every payment, newest first, filtered by status; a row opens the payment. */
export function PaymentsTable({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const money = useMoneyFormat();
  const [status, setStatus] = useState<PaymentStatus | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const payments = usePayments({ status, ...paging });

  const columns: TableColumnsType<Payment> = [
    { title: t('payments.columns.created'), dataIndex: 'createdAt', width: 180, render: (value: string) => dateTime(value) },
    {
      title: t('payments.columns.description'),
      dataIndex: 'description',
      render: (value: string, p) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text>{value}</Typography.Text>
          {p.testMode ? <TestModeTag /> : null}
          {p.mismatchAt ? (
            <Tooltip title={t('payments.mismatchHint')}>
              <Typography.Text type="danger" data-testid="payment-mismatch">
                <WarningOutlined /> {t('payments.mismatch')}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    { title: t('payments.columns.amount'), dataIndex: 'amountMinor', width: 140, align: 'right', render: (_: number, p) => money(p) },
    { title: t('payments.columns.status'), dataIndex: 'status', width: 150, render: (value: PaymentStatus) => <PaymentStatusTag status={value} /> },
    { title: t('payments.columns.provider'), dataIndex: 'provider', width: 120 },
  ];

  return (
    <Flex vertical gap={12}>
      <Select<PaymentStatus | 'all'>
        style={{ width: 220 }}
        value={status ?? 'all'}
        aria-label={t('payments.columns.status')}
        onChange={(value) => {
          setStatus(value === 'all' ? undefined : value);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: 'all', label: t('payments.allStatuses') }, ...PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`payments.status.${s}`) }))]}
        data-testid="payments-status-filter"
      />
      <Table<Payment>
        rowKey="id"
        columns={columns}
        dataSource={payments.data?.items ?? []}
        loading={payments.isPending}
        pagination={serverPagination(
          payments.data,
          (page, pageSize) => setPaging({ page, pageSize }),
          (total) => t('payments.paginationTotal', { count: total }),
        )}
        onRow={(p) => ({ onClick: () => onOpen(p.id), style: { cursor: 'pointer' } })}
        scroll={{ x: 760 }}
        data-testid="payments-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.empty')} /> }}
      />
    </Flex>
  );
}
