import {
  AccountBookOutlined,
  ApiOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CommentOutlined,
  FileTextOutlined,
  FilterOutlined,
  GiftOutlined,
  IdcardOutlined,
  SettingOutlined,
  RiseOutlined,
  ShareAltOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  WalletOutlined,
} from '../../../components/ui/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const PAGES = [
  { key: '/console/fans', icon: <TeamOutlined />, label: 'nav.fans' },
  { key: '/console/articles', icon: <FileTextOutlined />, label: 'nav.articles' },
  { key: '/console/analytics', icon: <BarChartOutlined />, label: 'nav.analytics' },
  { key: '/console/segments', icon: <FilterOutlined />, label: 'nav.segments' },
  { key: '/console/super-fans', icon: <StarOutlined />, label: 'nav.superFans' },
  { key: '/console/revenue', icon: <RiseOutlined />, label: 'nav.revenue' },
  { key: '/console/memberships', icon: <IdcardOutlined />, label: 'nav.memberships' },
  { key: '/console/store', icon: <ShopOutlined />, label: 'nav.store' },
  { key: '/console/orders', icon: <ShoppingCartOutlined />, label: 'nav.orders' },
  { key: '/console/festivals', icon: <GiftOutlined />, label: 'nav.festival' },
  { key: '/console/payments', icon: <WalletOutlined />, label: 'nav.payments' },
  { key: '/console/ledger', icon: <AccountBookOutlined />, label: 'nav.ledger' },
  { key: '/console/staff', icon: <SolutionOutlined />, label: 'nav.staff' },
  { key: '/console/tokens', icon: <ApiOutlined />, label: 'nav.tokens' },
  { key: '/console/settings', icon: <SettingOutlined />, label: 'nav.settings' },
] as const;

/** Areas on the roadmap: listed so staff see where the console is going, not clickable yet. */
const COMING_NEXT = [
  { key: 'word-of-mouth', icon: <ShareAltOutlined />, label: 'nav.wordOfMouth' },
  { key: 'community', icon: <CommentOutlined />, label: 'nav.community' },
  { key: 'events', icon: <CalendarOutlined />, label: 'nav.events' },
] as const;

export function ConsoleNav({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = PAGES.find((page) => location.pathname.startsWith(page.key))?.key;

  const items: MenuProps['items'] = [
    ...PAGES.map((page) => ({ key: page.key, icon: page.icon, label: t(page.label), 'data-testid': `nav-${page.key.split('/')[2]}` })),
    { type: 'divider' as const },
    {
      type: 'group' as const,
      key: 'coming-next',
      label: collapsed ? null : t('nav.comingNext'),
      children: COMING_NEXT.map((area) => ({
        key: area.key,
        icon: area.icon,
        label: t(area.label),
        disabled: true,
        title: t('nav.comingNextHint'),
      })),
    },
  ];

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        if (key.startsWith('/console/')) void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
