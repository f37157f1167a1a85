import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import { useApiError } from '../../../lib/use-api-error';
import { useBuyGift } from '../api/gifts';
import type { GiftCheckout, Interval, Tier } from '../fan-types';

type Values = { interval: Interval; recipientEmail: string; message?: string };

/** Give a period of a tier to someone's email: they claim it by signing in with that email. */
export function GiftModal({ tier, onClose, onCheckout }: { tier: Tier | null; onClose: () => void; onCheckout: (result: GiftCheckout) => void }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const showError = useApiError();
  const buy = useBuyGift();
  const [form] = Form.useForm<Values>();
  if (!tier) return null;
  return (
    <Modal
      open
      title={t('membership.gift.title', { tier: tier.name })}
      okText={t('membership.gift.pay')}
      okButtonProps={{ loading: buy.isPending, 'data-testid': 'gift-pay' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('membership.gift.body')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ interval: 'month' }}
        onFinish={(values) => buy.mutate({ tierId: tier.id, ...values }, { onSuccess: onCheckout, onError: (error) => showError(error, form) })}
      >
        <Form.Item name="interval" label={t('membership.gift.period')}>
          <Radio.Group>
            <Radio value="month">{t('membership.gift.oneMonth', { price: money({ amountMinor: tier.monthlyPriceMinor, currency: tier.currency }) })}</Radio>
            <Radio value="year">{t('membership.gift.oneYear', { price: money({ amountMinor: tier.yearlyPriceMinor, currency: tier.currency }) })}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="recipientEmail" label={t('membership.gift.email')} rules={[{ required: true, type: 'email', message: t('errors.fields.invalid_email') }]}>
          <Input type="email" autoComplete="off" data-testid="gift-email" />
        </Form.Item>
        <Form.Item name="message" label={t('membership.gift.message')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
