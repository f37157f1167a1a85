import { Alert, App, Button, Card, Flex, Form, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CarOutlined } from '../../../components/ui/icons';
import { useDateFormat } from '../../../lib/format-date';
import { useApiError } from '../../../lib/use-api-error';
import { useCancelOrder } from '../api/cancel-order';
import { usePayOrder } from '../api/pay-order';
import type { Address, Order } from '../types';
import { AddressFields } from './address-fields';
import { OrderLines } from './order-lines';
import { OrderStatusTag } from './order-status-tag';
import { OrderSteps } from './order-steps';
import { OrderTotals } from './order-totals';
import { PaymentCountdown } from './payment-countdown';
import { usePayAction } from './use-pay-action';

/**
 * One of the fan's orders: its number and status, its steps, what to do now (pay before the
 * deadline, or cancel), the tracking number once shipped, its lines, totals and address. While a
 * payment is being confirmed, "Pay now" steps back (a second payment would only be refunded).
 * An unpaid order without an address (a festival order) asks for it here, sent with the payment.
 */
export function OrderView({ order, confirming = false, onExpired }: { order: Order; confirming?: boolean; onExpired: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const { dateTime } = useDateFormat();
  const showError = useApiError();
  const pay = usePayOrder();
  const cancel = useCancelOrder();
  const follow = usePayAction();
  const pending = order.status === 'pending_payment';
  const needsAddress = pending && order.canPay && order.address === null;
  const [addressForm] = Form.useForm<{ address: Address }>();
  const startPay = async () => {
    let address: Address | undefined;
    if (needsAddress) {
      try {
        address = (await addressForm.validateFields()).address;
      } catch {
        return; // the form shows what is missing
      }
    }
    pay.mutate(
      { id: order.id, ...(address ? { address } : {}) },
      { onSuccess: follow, onError: (error) => showError(error, needsAddress ? addressForm : undefined) },
    );
  };

  const confirmCancel = () =>
    modal.confirm({
      title: t('orders.view.cancelTitle'),
      content: t('orders.view.cancelBody'),
      okText: t('orders.view.cancelOk'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-cancel-order' },
      cancelText: t('orders.view.keep'),
      onOk: () =>
        cancel.mutateAsync(order.id).then(
          () => void message.success(t('orders.view.canceled')),
          (error: unknown) => showError(error),
        ),
    });

  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 'clamp(14px, 4vw, 24px)' } }} data-testid="order-view">
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="flex-start" gap={12} wrap>
            <div>
              <Typography.Title level={2} style={{ margin: 0, fontSize: 'clamp(20px, 5vw, 24px)' }} data-testid="order-number">
                {t('orders.view.title', { number: order.number })}
              </Typography.Title>
              <Typography.Text type="secondary">{dateTime(order.createdAt)}</Typography.Text>
            </div>
            <OrderStatusTag status={order.status} />
          </Flex>
          <OrderSteps order={order} direction={screens.sm ? 'horizontal' : 'vertical'} />
          {pending ? (
            <Flex vertical gap={10} data-testid="order-pay-box">
              {order.paymentDeadline ? <PaymentCountdown deadline={order.paymentDeadline} onExpired={onExpired} /> : null}
              <Flex gap={8} wrap>
                {order.canPay ? (
                  <Button
                    type={confirming ? 'default' : 'primary'}
                    size="large"
                    loading={pay.isPending}
                    onClick={() => void startPay()}
                    style={{ flex: '1 1 160px' }}
                    data-testid="pay-now"
                  >
                    {t('orders.view.payNow')}
                  </Button>
                ) : null}
                <Button size="large" danger loading={cancel.isPending} onClick={confirmCancel} style={{ flex: '1 1 120px' }} data-testid="cancel-order">
                  {t('orders.view.cancel')}
                </Button>
              </Flex>
            </Flex>
          ) : null}
          {order.status === 'canceled' && order.cancelReason ? (
            <Typography.Text type="secondary" data-testid="cancel-reason">
              {t(`orders.view.cancelReason.${order.cancelReason}`)}
            </Typography.Text>
          ) : null}
          {order.latePaymentRefunded ? <Alert type="info" showIcon title={t('orders.view.latePaymentRefunded')} data-testid="late-payment-refunded" /> : null}
          {order.trackingNumber ? (
            <Card size="small" style={{ background: 'transparent' }} data-testid="tracking">
              <Flex gap={10} align="center">
                <CarOutlined style={{ fontSize: 20 }} />
                <Flex vertical>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {order.carrier}
                  </Typography.Text>
                  <Typography.Text strong copyable data-testid="tracking-number">
                    {order.trackingNumber}
                  </Typography.Text>
                </Flex>
              </Flex>
            </Card>
          ) : null}
        </Flex>
      </Card>
      <Card title={t('orders.view.items', { count: order.items })} styles={{ body: { paddingBlock: 8 } }}>
        <OrderLines lines={order.lines.map((l) => ({ ...l, key: l.id }))} currency={order.currency} />
        <div style={{ marginTop: 12 }}>
          <OrderTotals
            currency={order.currency}
            subtotalMinor={order.subtotalMinor}
            discountMinor={order.discountMinor}
            totalMinor={order.totalMinor}
            discount={order.discount}
            refundedMinor={order.refundedMinor}
          />
        </div>
      </Card>
      <Card title={t('orders.view.shipTo')}>
        <Flex vertical gap={4} data-testid="order-address">
          {order.address ? (
            <>
              <Typography.Text strong>
                {order.address.name} · {order.address.phone}
              </Typography.Text>
              <Typography.Text>{order.address.region}</Typography.Text>
              <Typography.Text>
                {order.address.line}
                {order.address.postcode ? ` ${order.address.postcode}` : ''}
              </Typography.Text>
            </>
          ) : needsAddress ? (
            <Form form={addressForm} layout="vertical" requiredMark={false} data-testid="pay-address-form">
              <Typography.Paragraph type="secondary">{t('orders.view.addressBeforePaying')}</Typography.Paragraph>
              <AddressFields />
            </Form>
          ) : (
            <Typography.Text type="secondary">{t('orders.view.addressAtPayment')}</Typography.Text>
          )}
          {order.note ? (
            <Typography.Text type="secondary" style={{ marginTop: 8 }}>
              {t('orders.checkout.note')}: {order.note}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}
