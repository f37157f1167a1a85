import { DownOutlined, LogoutOutlined, ShoppingOutlined, UserOutlined } from '../../../components/ui/icons';
import { App, Avatar, Button, Dropdown, Flex, Grid, Skeleton, Space, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { withNext } from '../../../lib/safe-next';
import { useApiError } from '../../../lib/use-api-error';
import { useMe } from '../api/get-me';
import { useLogOut } from '../api/log-out';

const AUTH_PAGES = ['/login', '/signup'];

/**
 * Header corner of the fan site: sign-up / log-in links (not on those pages themselves, whose
 * card links to the other), or the fan's avatar and name with a menu; on a phone the avatar
 * alone, so the channel name keeps its room, and the name heads the menu.
 */
export function FanAccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const showError = useApiError();
  const me = useMe();
  const logOut = useLogOut();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const compact = !screens.sm;
  // From an article (or any page but home and the auth pages), come back to it after signing in.
  const stay = ['/', '/login', '/signup'].includes(location.pathname) ? null : location.pathname + location.search;
  const authPath = (path: string) => (stay ? withNext(path, stay) : path);

  if (me.isPending) return <Skeleton.Button active size="small" style={{ width: compact ? 40 : 120 }} />;

  if (!me.data) {
    if (AUTH_PAGES.includes(location.pathname)) return null;
    const go = (path: string) => (event: MouseEvent<HTMLElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      void navigate(path);
    };
    return (
      <Space size={compact ? 4 : 8}>
        <Button type="text" href={authPath('/login')} onClick={go(authPath('/login'))} data-testid="header-login">
          {t('auth.logIn')}
        </Button>
        <Button type="primary" href={authPath('/signup')} onClick={go(authPath('/signup'))} data-testid="header-signup">
          {t('auth.signUp')}
        </Button>
      </Space>
    );
  }

  const name = me.data.displayName;
  const items: MenuProps['items'] = [
    ...(compact
      ? [
          {
            key: 'who',
            disabled: true,
            label: (
              <Typography.Text strong ellipsis style={{ maxWidth: 220 }}>
                {name}
              </Typography.Text>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'me', icon: <UserOutlined />, label: t('fanSite.myAccount') },
    { key: 'orders', icon: <ShoppingOutlined />, label: t('fanSite.myOrders'), 'data-testid': 'menu-my-orders' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'me') void navigate('/me');
    if (key === 'orders') void navigate('/orders');
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
      <Button
        type="text"
        data-testid="account-menu"
        style={{ height: 40, paddingInline: compact ? 2 : undefined }}
        aria-label={compact ? t('common.accountMenu', { name }) : undefined}
      >
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Avatar size="small" style={{ background: token.colorPrimary, flex: 'none' }} aria-hidden>
            {name.charAt(0).toUpperCase()}
          </Avatar>
          {compact ? null : (
            <Typography.Text strong ellipsis style={{ maxWidth: 160 }} data-testid="account-name">
              {name}
            </Typography.Text>
          )}
          {compact ? null : <DownOutlined style={{ fontSize: 10 }} />}
        </Flex>
      </Button>
    </Dropdown>
  );
}
