import { DownOutlined, LogoutOutlined, UserOutlined } from '../../../components/ui/icons';
import { App, Avatar, Button, Dropdown, Skeleton, Space, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { withNext } from '../../../lib/safe-next';
import { useApiError } from '../../../lib/use-api-error';
import { useMe } from '../api/get-me';
import { useLogOut } from '../api/log-out';

/** Header corner of the fan site: sign-up / log-in, or the fan's name with a menu. */
export function FanAccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const showError = useApiError();
  const me = useMe();
  const logOut = useLogOut();
  const location = useLocation();
  // From an article (or any page but home and the auth pages), come back to it after signing in.
  const stay = ['/', '/login', '/signup'].includes(location.pathname) ? null : location.pathname + location.search;
  const authPath = (path: string) => (stay ? withNext(path, stay) : path);

  if (me.isPending) return <Skeleton.Button active size="small" style={{ width: 120 }} />;

  if (!me.data) {
    return (
      <Space size={8}>
        <Button type="text" onClick={() => navigate(authPath('/login'))} data-testid="header-login">
          {t('auth.logIn')}
        </Button>
        <Button type="primary" onClick={() => navigate(authPath('/signup'))} data-testid="header-signup">
          {t('auth.signUp')}
        </Button>
      </Space>
    );
  }

  const items: MenuProps['items'] = [
    { key: 'me', icon: <UserOutlined />, label: t('fanSite.myAccount') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'me') void navigate('/me');
    if (key === 'logout') {
      // Leave account-only pages first, so they don't bounce to the log-in page.
      void navigate('/');
      logOut.mutate(undefined, {
        onSuccess: () => void message.success(t('auth.loggedOut')),
        onError: (error) => showError(error),
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="account-menu" style={{ height: 40 }}>
        <Space size={8}>
          <Avatar size="small" style={{ background: token.colorPrimary }}>
            {me.data.displayName.charAt(0).toUpperCase()}
          </Avatar>
          <Typography.Text strong ellipsis style={{ maxWidth: 160 }} data-testid="account-name">
            {me.data.displayName}
          </Typography.Text>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
