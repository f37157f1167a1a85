import { App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../lib/use-api-error';
import { useDateFormat } from '../../../lib/format-date';
import { useCancelMembership } from '../api/cancel-membership';
import { CANCEL_REASONS, type CancelReason, type Membership } from '../fan-types';

/** Asks why before canceling (the answer is counted on the revenue page); a member until the period ends. */
export function CancelMembershipModal({ membership, open, onClose }: { membership: Membership; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { date } = useDateFormat();
  const showError = useApiError();
  const cancel = useCancelMembership();
  const [form] = Form.useForm<{ reason: CancelReason; note?: string }>();
  return (
    <Modal
      open={open}
      title={t('membership.cancel.title', { tier: membership.tier.name })}
      okText={t('membership.cancel.confirm')}
      okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'confirm-cancel' }}
      cancelText={t('membership.cancel.keep')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('membership.cancel.body', { date: date(membership.currentPeriodEnd) })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          cancel.mutate(values, {
            onSuccess: () => {
              void message.success(t('membership.cancel.done'));
              onClose();
            },
            onError: (error) => showError(error),
          })
        }
      >
        <Form.Item name="reason" label={t('membership.cancel.why')} rules={[{ required: true, message: t('membership.cancel.whyRequired') }]}>
          <Radio.Group>
            <Space direction="vertical">
              {CANCEL_REASONS.map((reason) => (
                <Radio key={reason} value={reason} data-testid={`reason-${reason}`}>
                  {t(`membership.cancelReason.${reason}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('membership.cancel.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
