import { ExportOutlined } from '../../../components/ui/icons';
import { Button, Flex, Grid, Layout, Tag, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router';
import { BrandMark } from '../../../components/ui/brand-mark';
import { ErrorResult } from '../../../components/ui/error-result';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannelSettings } from '../../../features/channel/api/get-channel-settings';
import { PublicAddressWarning } from '../../../features/channel/components/public-address-warning';
import { NameChannelNotice } from '../../../features/channel/components/name-channel-notice';
import { useCurrentStaff } from '../../../features/staff/api/get-current-staff';
import { StaffAccountMenu } from '../../../features/staff/components/staff-account-menu';
import type { StaffMember } from '../../../features/staff/types';
import { CONSOLE_LOGIN_PATH, isApiError } from '../../../lib/api-client';
import { ConsoleNav } from './console-nav';

interface ConsoleContext {
  staff: StaffMember;
}

/** The signed-in staff member, for pages inside the console layout. */
export function useConsoleStaff(): StaffMember {
  return useOutletContext<ConsoleContext>().staff;
}

/** Signed-in console: sider menu, header (channel, language, staff menu) and the page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const me = useCurrentStaff();
  const channel = useChannelSettings({ enabled: me.isSuccess });
  const status = me.isError && isApiError(me.error) ? me.error.status : null;

  // 401: the api-client is already redirecting to the login page.
  if (me.isPending || status === 401) return <PageLoader fullScreen />;
  // 403: this browser holds a fan session, not a staff one; staff log in on top of it.
  if (status === 403) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${CONSOLE_LOGIN_PATH}?next=${next}&reason=fan`} replace />;
  }
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={232}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        collapsedWidth={screens.md ? 80 : 0}
        style={{
          borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          height: '100vh',
          zIndex: 20,
        }}
      >
        <div style={{ height: '100%', overflowY: 'auto', overflowX: 'hidden' }}>
          <Flex align="center" gap={10} style={{ height: 64, padding: collapsed ? '0 24px' : '0 20px' }}>
            <BrandMark size={32} />
            {collapsed ? null : (
              <Flex vertical style={{ lineHeight: 1.2 }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  Fanbase
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('console.name')}
                </Typography.Text>
              </Flex>
            )}
          </Flex>
          <ConsoleNav collapsed={collapsed} />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis style={{ fontSize: 16 }} data-testid="console-channel-name">
                {channel.data?.name ?? ''}
              </Typography.Text>
              {screens.md ? <Tag variant="filled">{t('console.channelTag')}</Tag> : null}
            </Flex>
            <Flex align="center" gap={4}>
              {screens.md ? (
                <Button type="text" href="/" target="_blank" icon={<ExportOutlined />}>
                  {t('console.viewFanSite')}
                </Button>
              ) : null}
              <LanguageSwitch />
              <StaffAccountMenu staff={me.data} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: screens.md ? 24 : '56px 12px 24px' }}>
          <div style={{ maxWidth: 1280, margin: '0 auto' }}>
            {me.data.role === 'owner' ? <PublicAddressWarning settings={channel.data} /> : null}
            <NameChannelNotice settings={channel.data} pathname={location.pathname} />
            <Suspense fallback={<PageLoader />}>
              <Outlet context={{ staff: me.data } satisfies ConsoleContext} />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
