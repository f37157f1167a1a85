import { CrownOutlined, ReadOutlined, ShopOutlined } from '../../../components/ui/icons';
import { Button, Flex, Grid, Layout, Typography, theme } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../../../components/ui/brand-mark';
import { LanguageSwitch } from '../../../components/ui/language-switch';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { FanAccountMenu } from '../../../features/fans/components/fan-account-menu';
import { CartButton } from '../../../features/orders/components/cart-button';

const PRODUCT_NAME = 'Fanbase';

/** The public fan site: header (channel, language, account), page, footer. */
export function FanLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const onArticles = location.pathname.startsWith('/articles');
  const onMembership = location.pathname.startsWith('/membership');
  const onStore = location.pathname === '/store' || location.pathname.startsWith('/store/');
  const onCart = location.pathname === '/cart' || location.pathname === '/checkout';
  const channel = useChannel();
  const me = useMe();
  const channelName = channel.data?.name ?? '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          // A phone's header holds the name, three links, the cart, the language and the account: every pixel counts there.
          paddingInline: screens.sm ? 'clamp(12px, 4vw, 32px)' : 12,
        }}
      >
        <Flex align="center" justify="space-between" gap={screens.sm ? 12 : 4} style={{ height: '100%', maxWidth: 1080, margin: '0 auto' }}>
          <a
            href="/"
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              void navigate('/');
            }}
            style={{ display: 'flex', alignItems: 'center', gap: screens.sm ? 10 : 4, minWidth: 0, flex: '0 1 auto', color: 'inherit' }}
            data-testid="header-home"
          >
            <BrandMark size={screens.sm ? 32 : 24} />
            <Typography.Text strong ellipsis style={{ fontSize: screens.sm ? 17 : 16, maxWidth: 280, minWidth: 0 }} data-testid="header-channel-name">
              {channelName || t('fanSite.home')}
            </Typography.Text>
          </a>
          <Flex align="center" gap={screens.sm ? 8 : 0} style={{ flex: 'none', minWidth: 0 }}>
            <Button
              type="text"
              href="/articles"
              icon={<ReadOutlined />}
              size={screens.sm ? 'middle' : 'small'}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                void navigate('/articles');
              }}
              aria-label={t('articleSite.title')}
              aria-current={onArticles ? 'page' : undefined}
              style={onArticles ? { color: token.colorPrimary, fontWeight: 600 } : undefined}
              data-testid="header-articles"
            >
              {screens.sm ? t('articleSite.title') : null}
            </Button>
            <Button
              type="text"
              href="/store"
              icon={<ShopOutlined />}
              size={screens.sm ? 'middle' : 'small'}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                void navigate('/store');
              }}
              aria-label={t('storeSite.title')}
              aria-current={onStore ? 'page' : undefined}
              style={onStore ? { color: token.colorPrimary, fontWeight: 600 } : undefined}
              data-testid="header-store"
            >
              {screens.sm ? t('storeSite.title') : null}
            </Button>
            <Button
              type="text"
              href="/membership"
              icon={<CrownOutlined />}
              size={screens.sm ? 'middle' : 'small'}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                void navigate('/membership');
              }}
              aria-label={t('fanSite.membership')}
              aria-current={onMembership ? 'page' : undefined}
              style={onMembership ? { color: token.colorPrimary, fontWeight: 600 } : undefined}
              data-testid="header-membership"
            >
              {screens.sm ? t('fanSite.membership') : null}
            </Button>
            {me.data ? <CartButton active={onCart} onOpen={() => void navigate('/cart')} /> : null}
            <LanguageSwitch />
            <FanAccountMenu />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px clamp(12px, 4vw, 32px) 48px' }}>
        <div style={{ maxWidth: 880, margin: '0 auto' }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">
          {/* A channel not named yet is called Fanbase: "Fanbase · Powered by Fanbase" would say it twice. */}
          {channelName && channelName !== PRODUCT_NAME ? `${channelName} · ` : ''}
          {t('fanSite.poweredBy')}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
