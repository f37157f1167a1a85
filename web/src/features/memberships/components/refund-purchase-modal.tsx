import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import { useApiError } from '../../../lib/use-api-error';
import { useRefundPurchase } from '../api/refund-purchase';
import type { Purchase } from '../types';
import { useMembershipText } from './use-membership-text';

interface RefundPurchaseModalProps {
  fanId: string;
  open: boolean;
  /** The purchase to refund (kept while the modal closes). */
  purchase: Purchase | null;
  onClose: () => void;
  onRequested: (purchaseId: string) => void;
}

/** Refund a bought period in full, with an optional reason; its time is taken back once the provider confirms. */
export function RefundPurchaseModal({ fanId, open, purchase, onClose, onRequested }: RefundPurchaseModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const money = useMoneyFormat();
  const text = useMembershipText();
  const showError = useApiError();
  const refund = useRefundPurchase(fanId);
  const [form] = Form.useForm<{ reason?: string }>();

  const onFinish = ({ reason }: { reason?: string }) => {
    if (!purchase) return;
    refund.mutate(
      { purchaseId: purchase.id, reason: reason?.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('memberships.refund.requested'));
          onRequested(purchase.id);
          onClose();
        },
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('memberships.refund.title')}
      okText={t('memberships.refund.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: refund.isPending, ...{ 'data-testid': 'refund-purchase-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      destroyOnHidden
      data-testid="refund-purchase-modal"
    >
      {purchase ? (
        <Typography.Paragraph>
          {t('memberships.refund.body', {
            amount: money({ amountMinor: purchase.amountMinor, currency: purchase.currency }),
            tier: purchase.tierName,
            period: text.period(purchase.periodStart, purchase.periodEnd),
          })}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="reason" label={t('memberships.refund.reason')} rules={[{ max: 500, message: t('validation.maxLength', { count: 500 }) }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('memberships.refund.reasonPlaceholder')} data-testid="refund-purchase-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
