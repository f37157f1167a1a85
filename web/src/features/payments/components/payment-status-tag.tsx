import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../types';

const COLORS: Record<PaymentStatus, string> = {
  pending: 'processing',
  paid: 'success',
  failed: 'error',
  canceled: 'default',
  partially_refunded: 'warning',
  refunded: 'purple',
};

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={`payment-status-${status}`}>
      {t(`payments.status.${status}`)}
    </Tag>
  );
}

/** "Test payments": shown wherever a sandbox payment appears. */
export function TestModeTag() {
  const { t } = useTranslation();
  return <Tag color="orange">{t('payments.testMode')}</Tag>;
}
