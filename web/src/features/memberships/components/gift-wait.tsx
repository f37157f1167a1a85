import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/ui/copy-field';
import { ErrorResult } from '../../../components/ui/error-result';
import { useGift } from '../api/gifts';

/** After paying for a gift: waits for the verified payment, then says how the recipient claims it. */
export function GiftWait({ giftId, onDismiss }: { giftId: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const gift = useGift(giftId);
  if (gift.isError) return <ErrorResult error={gift.error} onRetry={() => void gift.refetch()} />;
  if (!gift.data || gift.data.status === 'pending') {
    return (
      <Card data-testid="gift-waiting">
        <Flex vertical align="center" gap={16} style={{ padding: '24px 0', textAlign: 'center' }}>
          <Spin size="large" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('membership.wait.title')}
          </Typography.Title>
        </Flex>
      </Card>
    );
  }
  const paid = gift.data.status === 'paid' || gift.data.status === 'claimed';
  return (
    <Card data-testid={paid ? 'gift-paid' : 'gift-failed'}>
      <Result
        status={paid ? 'success' : 'warning'}
        title={paid ? t('membership.gift.paidTitle', { tier: gift.data.tier.name }) : t('membership.wait.failed')}
        subTitle={paid ? t('membership.gift.paidBody', { email: gift.data.recipientEmail }) : t('membership.wait.nothingCharged')}
        extra={
          <Flex vertical gap={12} align="center">
            {paid ? <CopyField value={`${window.location.origin}/membership`} /> : null}
            <Button onClick={onDismiss}>{t('membership.wait.done')}</Button>
          </Flex>
        }
      />
    </Card>
  );
}
