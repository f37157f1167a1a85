import { Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeleteOutlined, WarningOutlined } from '../../../components/ui/icons';
import { useMoneyFormat } from '../../../lib/format-money';
import type { CartLine } from '../types';
import { LinePicture } from './line-picture';
import { QuantityStepper } from '../../../components/ui/quantity-stepper';

interface CartLineItemProps {
  line: CartLine;
  busy: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  onOpenProduct: () => void;
}

/** One cart line: picture, title and variant, the fan's price against the list price, quantity, remove; its problem in words. */
export function CartLineItem({ line, busy, onQuantity, onRemove, onOpenProduct }: CartLineItemProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const money = useMoneyFormat();
  const amount = (minor: number) => money({ amountMinor: minor, currency: line.currency });
  const problem =
    line.problem === 'short'
      ? line.available > 0
        ? t('orders.cart.problem.short', { count: line.available })
        : t('orders.cart.problem.soldOut')
      : line.problem
        ? t(`orders.cart.problem.${line.problem}`)
        : null;

  return (
    <Flex gap={12} align="flex-start" style={{ padding: '14px 0' }} data-testid="cart-line" data-sku={line.sku}>
      <a
        href={`/store/${line.productSlug}`}
        onClick={(event) => {
          event.preventDefault();
          onOpenProduct();
        }}
        style={{ flex: 'none' }}
      >
        <LinePicture image={line.image} size={72} />
      </a>
      <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis={{ tooltip: line.productTitle }} style={{ display: 'block' }} data-testid="cart-line-title">
              {line.productTitle}
            </Typography.Text>
            {line.variantName ? (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {line.variantName}
              </Typography.Text>
            ) : null}
          </div>
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            onClick={onRemove}
            disabled={busy}
            aria-label={t('orders.cart.remove', { title: line.productTitle })}
            data-testid="cart-line-remove"
          />
        </Flex>
        <Flex align="baseline" gap={8} wrap>
          <Typography.Text strong style={line.unitPriceMinor < line.listPriceMinor ? { color: token.colorPrimaryText } : undefined} data-testid="cart-line-price">
            {amount(line.unitPriceMinor)}
          </Typography.Text>
          {line.unitPriceMinor < line.listPriceMinor ? (
            <Typography.Text type="secondary" delete style={{ fontSize: 13 }}>
              {amount(line.listPriceMinor)}
            </Typography.Text>
          ) : null}
        </Flex>
        {problem ? (
          <Typography.Text type={line.problem === 'short' ? 'warning' : 'danger'} style={{ fontSize: 13 }} data-testid="cart-line-problem">
            <WarningOutlined /> {problem}
          </Typography.Text>
        ) : null}
        <Flex justify="space-between" align="center" gap={8} wrap>
          <QuantityStepper
            value={line.quantity}
            onChange={onQuantity}
            disabled={busy || line.problem === 'unavailable'}
            size="small"
            testId="cart-line-quantity"
          />
          <Typography.Text strong data-testid="cart-line-total">
            {amount(line.lineTotalMinor)}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
