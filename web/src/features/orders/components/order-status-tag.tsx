import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../types';

/** One colour per status, the same on the fan site and in the console. */
export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  pending_payment: 'gold',
  paid: 'blue',
  shipped: 'cyan',
  delivered: 'green',
  canceled: 'default',
  refunded: 'purple',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORDER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={`order-status-${status}`}>
      {t(`orders.status.${status}`)}
    </Tag>
  );
}
