import { Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CrownOutlined } from '../../../components/ui/icons';
import { useMoneyFormat } from '../../../lib/format-money';

interface OrderTotalsProps {
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  discount: { tierName: string; percent: number } | null;
  refundedMinor?: number;
}

/** Subtotal at list prices, the member discount (when there is one), and the total. */
export function OrderTotals({ currency, subtotalMinor, discountMinor, totalMinor, discount, refundedMinor = 0 }: OrderTotalsProps) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const amount = (minor: number) => money({ amountMinor: minor, currency });
  return (
    <Flex vertical gap={6} data-testid="order-totals">
      <Flex justify="space-between">
        <Typography.Text type="secondary">{t('orders.totals.subtotal')}</Typography.Text>
        <Typography.Text data-testid="subtotal">{amount(subtotalMinor)}</Typography.Text>
      </Flex>
      {discountMinor > 0 ? (
        <Flex justify="space-between" gap={12}>
          <Typography.Text type="secondary">
            <CrownOutlined /> {discount ? t('orders.totals.memberDiscount', { tier: discount.tierName, percent: discount.percent }) : t('orders.totals.discount')}
          </Typography.Text>
          <Typography.Text type="success" data-testid="discount">
            −{amount(discountMinor)}
          </Typography.Text>
        </Flex>
      ) : null}
      <Divider style={{ margin: '6px 0' }} />
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{t('orders.totals.total')}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 20 }} data-testid="total">
          {amount(totalMinor)}
        </Typography.Text>
      </Flex>
      {refundedMinor > 0 ? (
        <Flex justify="space-between">
          <Typography.Text type="secondary">{t('orders.totals.refunded')}</Typography.Text>
          <Typography.Text type="secondary" data-testid="refunded">
            −{amount(refundedMinor)}
          </Typography.Text>
        </Flex>
      ) : null}
    </Flex>
  );
}
