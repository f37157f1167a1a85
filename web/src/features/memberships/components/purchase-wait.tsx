import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { useDateFormat } from '../../../lib/format-date';
import { queryKeys } from '../../../lib/query-keys';
import { isWaiting, usePurchaseStatus } from '../api/get-purchase';

/**
 * After paying: waits, and says so, for the provider's verified notification; a member the
 * moment it has settled the purchase. Ends on the welcome, or on "it did not go through".
 */
export function PurchaseWait({ purchaseId, onDismiss, onFinished }: { purchaseId: string; onDismiss: () => void; onFinished?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { date } = useDateFormat();
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => Date.now());
  const status = usePurchaseStatus(purchaseId, startedAt);
  const [slow, setSlow] = useState(false);
  const waiting = isWaiting(status.data);
  const settled = status.data?.purchase.status === 'settled';

  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 30_000);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!settled) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.fanMembership });
    // Members-only articles open without a reload.
    void queryClient.invalidateQueries({ queryKey: queryKeys.articles });
  }, [settled, queryClient]);
  useEffect(() => {
    if (status.data && !waiting) onFinished?.();
  }, [status.data, waiting, onFinished]);

  if (status.isError) return <ErrorResult error={status.error} onRetry={() => void status.refetch()} />;
  if (waiting) {
    return (
      <Card data-testid="purchase-waiting">
        <Flex vertical align="center" gap={16} style={{ padding: '24px 0', textAlign: 'center' }}>
          <Spin size="large" />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('membership.wait.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('membership.wait.body')}</Typography.Text>
          {slow ? <Typography.Text type="secondary">{t('membership.wait.slow')}</Typography.Text> : null}
        </Flex>
      </Card>
    );
  }
  const membership = status.data?.membership;
  if (settled && membership) {
    return (
      <Card data-testid="purchase-settled">
        <Result
          status="success"
          title={t('membership.wait.welcome', { tier: membership.tier.name })}
          subTitle={t('membership.status.activeUntil', { date: date(membership.currentPeriodEnd) })}
          extra={[
            <Button key="read" type="primary" onClick={() => void navigate('/articles')}>
              {t('membership.wait.read')}
            </Button>,
            <Button key="done" onClick={onDismiss}>
              {t('membership.wait.done')}
            </Button>,
          ]}
        />
      </Card>
    );
  }
  return (
    <Card data-testid="purchase-failed">
      <Result
        status="warning"
        title={status.data?.paymentStatus === 'canceled' ? t('membership.wait.canceled') : t('membership.wait.failed')}
        subTitle={t('membership.wait.nothingCharged')}
        extra={
          <Button type="primary" onClick={onDismiss}>
            {t('membership.wait.tryAgain')}
          </Button>
        }
      />
    </Card>
  );
}
