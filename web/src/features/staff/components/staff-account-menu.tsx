import { DownOutlined, LogoutOutlined } from '../../../components/ui/icons';
import { App, Avatar, Button, Dropdown, Flex, Grid, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiError } from '../../../lib/use-api-error';
import { useStaffLogOut } from '../api/log-out';
import type { StaffMember } from '../types';
import { RoleTag } from './role-tag';

/** Header corner of the console: who is signed in, their role, and log out. */
export function StaffAccountMenu({ staff }: { staff: StaffMember }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const logOut = useStaffLogOut();
  const screens = Grid.useBreakpoint();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical style={{ minWidth: 180 }}>
          <Typography.Text strong>{staff.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {staff.email}
          </Typography.Text>
          <div style={{ marginTop: 6 }}>
            <RoleTag role={staff.role} />
          </div>
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return;
    logOut.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('auth.loggedOut'));
        void navigate('/console/login', { replace: true });
      },
      onError: (error) => showError(error),
    });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" style={{ height: 44 }} data-testid="staff-menu" aria-label={screens.md ? undefined : t('common.accountMenu', { name: staff.name })}>
        <Flex align="center" gap={8}>
          <Avatar size="small" style={{ background: staff.role === 'owner' ? '#faad14' : undefined }} aria-hidden>
            {staff.name.charAt(0).toUpperCase()}
          </Avatar>
          {screens.md ? (
            <>
              <Typography.Text strong ellipsis style={{ maxWidth: 140 }}>
                {staff.name}
              </Typography.Text>
              {/* Shown, not read out in the button's name: the menu it opens says the role. */}
              <span aria-hidden>
                <RoleTag role={staff.role} />
              </span>
            </>
          ) : null}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
