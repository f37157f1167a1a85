import { Card, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../types';

/**
 * After paying: says the order waits for the provider's verified notification, until it has come
 * (paid), or the payment failed or was canceled (the order can be paid again).
 */
export function OrderWait({ order }: { order: Order }) {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 30_000);
    return () => clearTimeout(timer);
  }, []);

  if (order.status === 'pending_payment' && (order.paymentStatus === 'pending' || order.paymentStatus === null)) {
    return (
      <Card data-testid="order-waiting">
        <Flex vertical align="center" gap={12} style={{ padding: '12px 0', textAlign: 'center' }}>
          <Spin size="large" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('orders.wait.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('orders.wait.body')}</Typography.Text>
          {slow ? <Typography.Text type="secondary">{t('orders.wait.slow')}</Typography.Text> : null}
        </Flex>
      </Card>
    );
  }
  if (order.status === 'pending_payment') {
    return (
      <Card data-testid="order-payment-failed">
        <Result
          status="warning"
          title={order.paymentStatus === 'canceled' ? t('orders.wait.canceled') : t('orders.wait.failed')}
          subTitle={t('orders.wait.nothingCharged')}
          style={{ padding: '12px 0' }}
        />
      </Card>
    );
  }
  if (order.status === 'paid') {
    return (
      <Card data-testid="order-paid">
        <Result status="success" title={t('orders.wait.paid')} subTitle={t('orders.wait.paidBody')} style={{ padding: '12px 0' }} />
      </Card>
    );
  }
  return null;
}
