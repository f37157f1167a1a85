import { DeleteOutlined } from '../../../components/ui/icons';
import { App, Button, Empty, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useRevokeToken } from '../api/revoke-token';
import { useTokens } from '../api/get-tokens';
import type { ApiToken } from '../token-types';

/** The signed-in staff member's API tokens, each revocable. */
export function TokensTable() {
  const { t } = useTranslation();
  const { date, dateTime } = useDateFormat();
  const { message } = App.useApp();
  const showError = useApiError();
  const tokens = useTokens();
  const revoke = useRevokeToken();

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.fields.name'), dataIndex: 'name', render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
    {
      title: t('tokens.fields.prefix'),
      dataIndex: 'prefix',
      width: 200,
      render: (value: string) => <Typography.Text code>{`${value}…`}</Typography.Text>,
    },
    { title: t('tokens.fields.created'), dataIndex: 'createdAt', width: 160, render: (value: string) => date(value) },
    {
      title: t('tokens.fields.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 200,
      render: (value: string | null) => (value ? dateTime(value) : <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      align: 'right',
      render: (_, token) => (
        <Popconfirm
          title={t('tokens.revokeConfirmTitle', { name: token.name })}
          description={t('tokens.revokeConfirmBody')}
          okText={t('tokens.revoke')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            revoke.mutateAsync(token.id).then(
              () => void message.success(t('tokens.revoked', { name: token.name })),
              (error: unknown) => showError(error),
            )
          }
        >
          <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid={`revoke-token-${token.id}`}>
            {t('tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Table<ApiToken>
      rowKey="id"
      columns={columns}
      dataSource={tokens.data?.items ?? []}
      loading={tokens.isPending}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid="tokens-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tokens.empty')} /> }}
    />
  );
}
