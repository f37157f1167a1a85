import { App, Button, Card, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/ui/error-result';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import { useApiError } from '../../../lib/use-api-error';
import { useDeliverOrder } from '../api/deliver-order';
import { useAdminOrder } from '../api/get-admin-order';
import { OrderLines } from './order-lines';
import { OrderStatusTag } from './order-status-tag';
import { OrderSteps } from './order-steps';
import { OrderTotals } from './order-totals';
import { RefundOrderModal } from './refund-order-modal';
import { ShipOrderModal } from './ship-order-modal';
import { StaffCancelModal } from './staff-cancel-modal';

interface OrderDrawerProps {
  id: string | undefined;
  onClose: () => void;
  onOpenFan: (fanId: string) => void;
  onOpenPayment: (paymentId: string) => void;
}

/** One order for staff: the fan, its steps, lines, address, payment and refunds, and what can be done with it now. */
export function OrderDrawer({ id, onClose, onOpenFan, onOpenPayment }: OrderDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { dateTime } = useDateFormat();
  const money = useMoneyFormat();
  const showError = useApiError();
  const order = useAdminOrder(id);
  const deliver = useDeliverOrder();
  const [open, setOpen] = useState<'ship' | 'cancel' | 'refund' | null>(null);
  const o = order.data;

  const confirmDeliver = () =>
    o &&
    modal.confirm({
      title: t('ordersConsole.deliver.title', { number: o.number }),
      okText: t('ordersConsole.deliver.ok'),
      okButtonProps: { 'data-testid': 'deliver-confirm' },
      onOk: () =>
        deliver.mutateAsync(o.id).then(
          () => void message.success(t('ordersConsole.deliver.done', { number: o.number })),
          (error: unknown) => showError(error),
        ),
    });

  const canRefund = o && (o.status === 'paid' || o.status === 'shipped' || o.status === 'delivered') && o.refundedMinor < o.totalMinor;
  const actions = o ? (
    <Flex gap={8} wrap data-testid="order-actions">
      {o.status === 'paid' ? (
        <Button type="primary" onClick={() => setOpen('ship')} data-testid="order-ship">
          {t('ordersConsole.ship.action')}
        </Button>
      ) : null}
      {o.status === 'shipped' ? (
        <>
          <Button type="primary" onClick={confirmDeliver} loading={deliver.isPending} data-testid="order-deliver">
            {t('ordersConsole.deliver.action')}
          </Button>
          <Button onClick={() => setOpen('ship')} data-testid="order-edit-tracking">
            {t('ordersConsole.ship.edit')}
          </Button>
        </>
      ) : null}
      {canRefund ? (
        <Button danger onClick={() => setOpen('refund')} data-testid="order-refund">
          {t('ordersConsole.refund.action')}
        </Button>
      ) : null}
      {o.status === 'pending_payment' ? (
        <Button danger onClick={() => setOpen('cancel')} data-testid="order-cancel">
          {t('ordersConsole.cancel.action')}
        </Button>
      ) : null}
    </Flex>
  ) : null;

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      width={720}
      title={o ? t('orders.view.title', { number: o.number }) : t('ordersConsole.detailTitle')}
      extra={o ? <OrderStatusTag status={o.status} /> : null}
      data-testid="order-drawer"
    >
      {order.isError ? (
        <ErrorResult error={order.error} onRetry={() => void order.refetch()} />
      ) : !o ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={20}>
          {actions}
          <OrderSteps order={o} direction="horizontal" />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'fan',
                label: t('ordersConsole.columns.fan'),
                children: (
                  <Typography.Link onClick={() => onOpenFan(o.fan.id)} data-testid="order-fan">
                    {o.fan.displayName}
                    {o.fan.email ? ` · ${o.fan.email}` : ''}
                  </Typography.Link>
                ),
              },
              { key: 'placed', label: t('ordersConsole.columns.placed'), children: dateTime(o.createdAt) },
              { key: 'channel', label: t('ordersConsole.columns.channel'), children: t(`ordersConsole.channel.${o.channel}`) },
              {
                key: 'address',
                label: t('orders.view.shipTo'),
                children: o.address ? (
                  <Flex vertical>
                    <span>
                      {o.address.name} · {o.address.phone}
                    </span>
                    <span>{[o.address.region, o.address.line, o.address.postcode].filter(Boolean).join(' ')}</span>
                  </Flex>
                ) : (
                  t('orders.view.addressAtPayment')
                ),
              },
              ...(o.note ? [{ key: 'note', label: t('orders.checkout.note'), children: o.note }] : []),
              ...(o.trackingNumber
                ? [
                    {
                      key: 'tracking',
                      label: t('ordersConsole.ship.trackingNumber'),
                      children: <Typography.Text copyable>{`${o.carrier ?? ''} ${o.trackingNumber}`.trim()}</Typography.Text>,
                    },
                  ]
                : []),
              {
                key: 'payment',
                label: t('ordersConsole.payment'),
                children: (
                  <Flex gap={8} wrap align="center">
                    {o.paymentStatus ? <Tag>{t(`payments.status.${o.paymentStatus as 'paid'}`, { defaultValue: o.paymentStatus })}</Tag> : '—'}
                    {o.provider ? <Typography.Text type="secondary">{o.provider}</Typography.Text> : null}
                    {o.paymentId ? (
                      <Typography.Link onClick={() => onOpenPayment(o.paymentId!)} data-testid="order-payment">
                        {t('ordersConsole.openPayment')}
                      </Typography.Link>
                    ) : null}
                  </Flex>
                ),
              },
              ...(o.status === 'canceled' && o.cancelReason
                ? [{ key: 'why', label: t('ordersConsole.canceledBy'), children: t(`orders.view.cancelReason.${o.cancelReason}`) }]
                : []),
            ]}
          />
          <Card size="small" title={t('orders.view.items', { count: o.items })}>
            <OrderLines lines={o.lines.map((l) => ({ ...l, key: l.id }))} currency={o.currency} pictureSize={44} />
            <div style={{ marginTop: 8 }}>
              <OrderTotals
                currency={o.currency}
                subtotalMinor={o.subtotalMinor}
                discountMinor={o.discountMinor}
                totalMinor={o.totalMinor}
                discount={o.discount}
                refundedMinor={o.refundedMinor}
              />
            </div>
          </Card>
          {o.refunds.length ? (
            <Card size="small" title={t('ordersConsole.refunds')}>
              <Table
                size="small"
                rowKey={(r) => `${r.at}-${r.amountMinor}`}
                pagination={false}
                dataSource={o.refunds}
                columns={[
                  { title: t('ordersConsole.columns.placed'), dataIndex: 'at', render: (v: string) => dateTime(v) },
                  {
                    title: t('ordersConsole.columns.total'),
                    dataIndex: 'amountMinor',
                    align: 'right',
                    render: (v: number) => money({ amountMinor: v, currency: o.currency }),
                  },
                  { title: t('ordersConsole.refund.reason'), dataIndex: 'reason' },
                  {
                    title: t('ordersConsole.columns.status'),
                    dataIndex: 'status',
                    render: (v: string) => <Tag>{t(`payments.refundStatus.${v as 'requested'}`, { defaultValue: v })}</Tag>,
                  },
                ]}
                data-testid="order-refunds"
              />
            </Card>
          ) : null}
          <ShipOrderModal order={o} open={open === 'ship'} onClose={() => setOpen(null)} />
          <StaffCancelModal order={o} open={open === 'cancel'} onClose={() => setOpen(null)} />
          <RefundOrderModal order={o} open={open === 'refund'} onClose={() => setOpen(null)} />
        </Flex>
      )}
    </Drawer>
  );
}
