import { Badge, Button, Grid, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { ShoppingCartOutlined } from '../../../components/ui/icons';
import { useCart } from '../api/get-cart';

/** The header's cart: an icon with how many items the cart holds (signed-in fans only). */
export function CartButton({ active, onOpen }: { active: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const cart = useCart();
  const count = cart.data?.count ?? 0;
  return (
    <Button
      type="text"
      href="/cart"
      size={screens.sm ? 'middle' : 'small'}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onOpen();
      }}
      aria-label={t('orders.cart.headerLabel', { count })}
      aria-current={active ? 'page' : undefined}
      // Icon-only, the badge on the icon: on a phone the header has no width to spare.
      icon={
        <Badge count={count} size="small" overflowCount={99} offset={[2, -2]} data-testid="cart-count">
          <ShoppingCartOutlined style={{ fontSize: 16, color: active ? token.colorPrimary : token.colorText }} />
        </Badge>
      }
      data-testid="header-cart"
    />
  );
}
