import { App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { toMajor, toMinor, useMoneyFormat } from '../../../lib/format-money';
import { useApiError } from '../../../lib/use-api-error';
import { usePayment } from '../api/get-payment';
import { useRefundPayment } from '../api/refund-payment';
import type { PaymentDetail } from '../types';
import { PaymentStatusTag, TestModeTag } from './payment-status-tag';

type Notification = PaymentDetail['notifications'][number];
type Refund = PaymentDetail['refunds'][number];

const OUTCOME_COLORS: Record<Notification['outcome'], string> = {
  applied: 'success',
  duplicate: 'default',
  stale: 'default',
  mismatch: 'error',
  rejected: 'error',
  unknown_payment: 'warning',
  ignored: 'default',
};

function RefundForm({ payment }: { payment: PaymentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const refund = useRefundPayment(payment.id);
  const [form] = Form.useForm<{ amount: number; reason?: string }>();
  const outstanding = payment.refunds.filter((r) => r.status !== 'failed').reduce((n, r) => n + r.amountMinor, 0);
  const refundable = payment.amountMinor - outstanding;
  if (!(payment.status === 'paid' || payment.status === 'partially_refunded') || refundable <= 0) return null;
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ amount: toMajor(refundable, payment.currency) }}
      onFinish={(values) =>
        refund.mutateAsync({ amountMinor: toMinor(values.amount, payment.currency), reason: values.reason || undefined }).then(
          () => void message.success(t('payments.refundRequested')),
          (error: unknown) => showError(error, form),
        )
      }
      data-testid="refund-form"
    >
      <Form.Item name="amount" label={t('payments.refundAmount')} rules={[{ required: true }]}>
        <InputNumber min={0.01} max={toMajor(refundable, payment.currency)} step={0.01} precision={2} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="reason">
        <Input placeholder={t('payments.refundReason')} maxLength={500} style={{ width: 200 }} />
      </Form.Item>
      <Button htmlType="submit" danger loading={refund.isPending} data-testid="refund-submit">
        {t('payments.refund')}
      </Button>
    </Form>
  );
}

/** One payment: what was asked for, its refunds, and every notification its provider sent. */
export function PaymentDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const money = useMoneyFormat();
  const payment = usePayment(id);
  const p = payment.data;

  return (
    <Drawer open={Boolean(id)} onClose={onClose} width={720} title={t('payments.detailTitle')} data-testid="payment-drawer">
      {!p ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={24}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('payments.columns.description')}>
              <Flex gap={6} wrap>
                {p.description}
                {p.testMode ? <TestModeTag /> : null}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('payments.columns.amount')}>{money(p)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.columns.status')}>
              <PaymentStatusTag status={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('payments.refunded')}>{money({ amountMinor: p.refundedMinor, currency: p.currency })}</Descriptions.Item>
            <Descriptions.Item label={t('payments.columns.provider')}>{t(`payments.providers.${p.provider}`, { defaultValue: p.provider })}</Descriptions.Item>
            <Descriptions.Item label={t('payments.columns.created')}>{dateTime(p.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('payments.paidAt')}>{p.paidAt ? dateTime(p.paidAt) : '—'}</Descriptions.Item>
            {p.mismatchAt ? (
              <Descriptions.Item label={t('payments.mismatch')}>
                <Typography.Text type="danger">{t('payments.mismatchHint')}</Typography.Text>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <RefundForm payment={p} />
          <div>
            <Typography.Title level={5}>{t('payments.refundsTitle')}</Typography.Title>
            <Table<Refund>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.refunds}
              columns={[
                { title: t('payments.columns.created'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
                { title: t('payments.columns.amount'), dataIndex: 'amountMinor', render: (v: number) => money({ amountMinor: v, currency: p.currency }) },
                { title: t('payments.refundReason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
                {
                  title: t('payments.columns.status'),
                  dataIndex: 'status',
                  render: (v: Refund['status'], r) => (
                    <Flex vertical gap={2}>
                      <span>
                        <Tag color={v === 'failed' ? 'error' : v === 'succeeded' ? 'success' : r.lastError ? 'warning' : undefined}>
                          {t(`payments.refundStatus.${v}`)}
                        </Tag>
                      </span>
                      {r.lastError && v !== 'succeeded' && (
                        <Typography.Text type={v === 'failed' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                          {v === 'failed'
                            ? t('payments.refundFailedBecause', { error: r.lastError })
                            : t('payments.refundRetrying', { count: r.attempts, error: r.lastError })}
                        </Typography.Text>
                      )}
                    </Flex>
                  ),
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('payments.notificationsTitle')}</Typography.Title>
            <Table<Notification>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.notifications}
              data-testid="payment-notifications"
              columns={[
                { title: t('payments.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => dateTime(v) },
                { title: t('payments.event'), dataIndex: 'event', render: (v: string | null) => (v ? t(`payments.events.${v}`, { defaultValue: v }) : '—') },
                {
                  title: t('payments.outcome'),
                  dataIndex: 'outcome',
                  render: (v: Notification['outcome'], n) => (
                    <Flex vertical>
                      <Tag color={OUTCOME_COLORS[v]}>{t(`payments.outcomes.${v}`)}</Tag>
                      {n.error ? <Typography.Text type="secondary">{n.error}</Typography.Text> : null}
                    </Flex>
                  ),
                },
              ]}
            />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
