import { Card, Empty, Flex, List, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { RightOutlined } from '../../../components/ui/icons';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import type { OrderSummary, Page } from '../types';
import { LinePicture } from './line-picture';
import { OrderStatusTag } from './order-status-tag';

interface MyOrdersListProps {
  page: Page<OrderSummary> | undefined;
  loading: boolean;
  onOpen: (id: string) => void;
  onPage: (page: number, pageSize: number) => void;
  onShop: () => void;
}

/** The fan's orders, newest first: first item's picture, number, date, status and total; a row opens the order. */
export function MyOrdersList({ page, loading, onOpen, onPage, onShop }: MyOrdersListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { date } = useDateFormat();
  const money = useMoneyFormat();

  if (page && page.total === 0) {
    return (
      <Card>
        <Empty description={t('orders.list.empty')} data-testid="orders-empty">
          <Typography.Link onClick={onShop}>{t('orders.cart.shop')}</Typography.Link>
        </Empty>
      </Card>
    );
  }
  return (
    <Card styles={{ body: { padding: '4px 16px' } }}>
      <List<OrderSummary>
        loading={loading}
        dataSource={page?.items ?? []}
        rowKey="id"
        pagination={
          page && page.total > page.pageSize
            ? { current: page.page, pageSize: page.pageSize, total: page.total, onChange: onPage, size: 'small', align: 'center' }
            : false
        }
        renderItem={(order) => (
          <List.Item style={{ paddingInline: 0, cursor: 'pointer' }} onClick={() => onOpen(order.id)} data-testid="my-order" data-number={order.number}>
            <Flex gap={12} align="center" style={{ width: '100%' }}>
              <LinePicture image={order.image} size={60} />
              <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Flex justify="space-between" gap={8} align="center">
                  <Typography.Text strong>{t('orders.view.title', { number: order.number })}</Typography.Text>
                  <OrderStatusTag status={order.status} />
                </Flex>
                <Typography.Text ellipsis style={{ fontSize: 13 }}>
                  {order.title}
                </Typography.Text>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {date(order.createdAt)} · {t('orders.list.items', { count: order.items })}
                  </Typography.Text>
                  <Typography.Text strong data-testid="my-order-total">
                    {money({ amountMinor: order.totalMinor, currency: order.currency })}
                  </Typography.Text>
                </Flex>
              </Flex>
              <RightOutlined style={{ color: token.colorTextQuaternary, fontSize: 12 }} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
