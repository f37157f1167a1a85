import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShoppingCartOutlined } from '../../../components/ui/icons';
import { isApiError } from '../../../lib/api-client';
import { useErrorText } from '../../../lib/use-api-error';
import { useSetCartLine } from '../api/set-cart-line';
import type { Cart } from '../types';
import { QuantityStepper } from '../../../components/ui/quantity-stepper';

interface AddToCartProps {
  variantId: string;
  inStock: boolean;
  /** The fan's cart (undefined for a visitor or while it loads): what is already in it. */
  cart: Cart | undefined;
  /** A visitor is sent to sign up first. */
  signedIn: boolean;
  onSignIn: () => void;
  onViewCart: () => void;
}

/**
 * Quantity and "Add to cart" under the variant picker: adds to what the cart already holds of
 * this variant; says so when the store has fewer left than asked for (a 409 `store.out_of_stock`,
 * or the cart's line marked short).
 */
export function AddToCart({ variantId, inStock, cart, signedIn, onSignIn, onViewCart }: AddToCartProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const setLine = useSetCartLine();
  const [quantity, setQuantity] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const inCart = cart?.lines.find((l) => l.variantId === variantId)?.quantity ?? 0;

  const add = () => {
    if (!signedIn) {
      onSignIn();
      return;
    }
    setProblem(null);
    setLine.mutate(
      { variantId, quantity: Math.min(99, inCart + quantity) },
      {
        onSuccess: (next) => {
          setQuantity(1);
          // The cart keeps a line for more than is left (it says so there): say it here too.
          const line = next.lines.find((l) => l.variantId === variantId);
          if (line?.problem === 'short') {
            setProblem(line.available > 0 ? t('orders.cart.problem.short', { count: line.available }) : t('orders.cart.problem.soldOut'));
            return;
          }
          void message.success({
            content: (
              <span data-testid="added-to-cart">
                {t('orders.cart.added')}{' '}
                <Button type="link" size="small" onClick={onViewCart} style={{ padding: 0 }}>
                  {t('orders.cart.view')}
                </Button>
              </span>
            ),
          });
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setProblem(errorText(error));
          else void message.error(errorText(error));
        },
      },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="add-to-cart-box">
      <Flex gap={12} align="center" wrap>
        <QuantityStepper value={quantity} onChange={setQuantity} max={99 - inCart} disabled={!inStock || inCart >= 99} size="large" />
        <Button
          type="primary"
          size="large"
          icon={<ShoppingCartOutlined />}
          disabled={!inStock || inCart >= 99}
          loading={setLine.isPending}
          onClick={add}
          style={{ flex: '1 1 160px' }}
          data-testid="add-to-cart"
        >
          {inStock ? t('orders.cart.add') : t('storeSite.outOfStock')}
        </Button>
      </Flex>
      {inCart > 0 ? (
        <Button type="link" onClick={onViewCart} style={{ padding: 0, alignSelf: 'flex-start' }} data-testid="in-cart">
          {t('orders.cart.inCart', { count: inCart })}
        </Button>
      ) : null}
      {problem ? <Alert type="warning" showIcon title={problem} data-testid="add-to-cart-problem" /> : null}
    </Flex>
  );
}
