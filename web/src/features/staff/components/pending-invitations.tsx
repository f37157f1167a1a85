import { StopOutlined } from '../../../components/ui/icons';
import { App, Button, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import type { Invitation } from '../types';

/** Owner only: invitations not yet accepted, each revocable. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const { date, dateTime } = useDateFormat();
  const { message } = App.useApp();
  const showError = useApiError();
  const invitations = useInvitations({ enabled: true });
  const revoke = useRevokeInvitation();
  const now = Date.now();

  const columns: TableColumnsType<Invitation> = [
    { title: t('staff.fields.name'), dataIndex: 'name', render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
    { title: t('auth.email'), dataIndex: 'email', ellipsis: true },
    { title: t('staff.invitations.sent'), dataIndex: 'createdAt', width: 150, render: (value: string) => date(value) },
    {
      title: t('staff.invitations.expires'),
      dataIndex: 'expiresAt',
      width: 200,
      render: (value: string) => (new Date(value).getTime() < now ? <Tag color="red">{t('staff.invitations.expired')}</Tag> : dateTime(value)),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      align: 'right',
      render: (_, invitation) => (
        <Popconfirm
          title={t('staff.invitations.revokeConfirm', { email: invitation.email })}
          okText={t('staff.invitations.revoke')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            revoke.mutateAsync(invitation.id).then(
              () => void message.success(t('staff.invitations.revoked')),
              (error: unknown) => showError(error),
            )
          }
        >
          <Button type="text" danger size="small" icon={<StopOutlined />} data-testid={`revoke-invitation-${invitation.id}`}>
            {t('staff.invitations.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('staff.invitations.title')}>
      <Table<Invitation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={invitations.data?.items ?? []}
        loading={invitations.isPending}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.invitations.empty')} /> }}
      />
    </Card>
  );
}
