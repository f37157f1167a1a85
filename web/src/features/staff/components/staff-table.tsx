import { DeleteOutlined } from '../../../components/ui/icons';
import { App, Avatar, Button, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useRemoveStaff } from '../api/remove-staff';
import { useStaff } from '../api/get-staff';
import type { StaffMember } from '../types';
import { RoleTag } from './role-tag';

interface StaffTableProps {
  me: StaffMember;
}

/** Everyone who runs the console. The owner can remove other staff. */
export function StaffTable({ me }: StaffTableProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const { message } = App.useApp();
  const showError = useApiError();
  const staff = useStaff();
  const remove = useRemoveStaff();
  const isOwner = me.role === 'owner';

  const columns: TableColumnsType<StaffMember> = [
    {
      title: t('staff.fields.name'),
      dataIndex: 'name',
      render: (_, member) => (
        <Flex align="center" gap={10}>
          <Avatar size="small" style={{ background: member.role === 'owner' ? '#faad14' : undefined, flex: 'none' }} aria-hidden>
            {member.name.charAt(0).toUpperCase()}
          </Avatar>
          <Typography.Text strong>{member.name}</Typography.Text>
          {member.id === me.id ? <Tag variant="filled">{t('staff.you')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('auth.email'), dataIndex: 'email', ellipsis: true },
    { title: t('staff.fields.role'), dataIndex: 'role', width: 130, render: (_, member) => <RoleTag role={member.role} /> },
    { title: t('staff.fields.joined'), dataIndex: 'createdAt', width: 160, render: (value: string) => date(value) },
  ];

  if (isOwner) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      align: 'right',
      render: (_, member) =>
        member.role === 'owner' || member.id === me.id ? null : (
          <Popconfirm
            title={t('staff.removeConfirmTitle', { name: member.name })}
            description={t('staff.removeConfirmBody')}
            okText={t('staff.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: remove.isPending }}
            onConfirm={() =>
              remove.mutateAsync(member.id).then(
                () => void message.success(t('staff.removed', { name: member.name })),
                (error: unknown) => showError(error),
              )
            }
          >
            <Button type="text" danger size="small" icon={<DeleteOutlined />} data-testid={`remove-staff-${member.id}`}>
              {t('staff.remove')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <Table<StaffMember>
      rowKey="id"
      columns={columns}
      dataSource={staff.data?.items ?? []}
      loading={staff.isPending}
      pagination={false}
      scroll={{ x: 640 }}
      data-testid="staff-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.empty')} /> }}
    />
  );
}
