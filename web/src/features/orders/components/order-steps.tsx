import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { Order, OrderStatus } from '../types';

const PATH: OrderStatus[] = ['pending_payment', 'paid', 'shipped', 'delivered'];

/**
 * Where the order is: placed → paid → shipped → delivered, each with when it happened; a canceled
 * or refunded order ends its path there.
 */
export function OrderSteps({ order, direction }: { order: Order; direction: 'horizontal' | 'vertical' }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const at = (status: OrderStatus) => order.steps.findLast((s) => s.status === status)?.at;
  const ended = order.status === 'canceled' || order.status === 'refunded';
  const reached = PATH.filter((s) => s === 'pending_payment' || at(s));
  const path: OrderStatus[] = ended ? [...reached, order.status] : PATH;
  // A reached step is done; the next one is in progress (a delivered order has them all done).
  const current = ended ? path.length - 1 : PATH.indexOf(order.status) + 1;

  return (
    <Steps
      size="small"
      orientation={direction}
      current={current}
      status={order.status === 'canceled' ? 'error' : order.status === 'refunded' ? 'finish' : 'process'}
      items={path.map((status) => ({
        title: t(`orders.steps.${status === 'pending_payment' ? 'placed' : status}`),
        content: status === 'pending_payment' ? dateTime(order.createdAt) : dateTime(at(status)),
      }))}
      data-testid="order-steps"
    />
  );
}
