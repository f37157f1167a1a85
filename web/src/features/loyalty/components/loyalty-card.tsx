import { TrophyOutlined } from '../../../components/ui/icons';
import { Alert, Card, Flex, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/use-api-error';
import { useFanLoyalty } from '../api/get-fan-loyalty';
import { LoyaltyCardBody } from './loyalty-card-body';

interface LoyaltyCardProps {
  fanId: string;
  /** Shown above the level (e.g. that the signals are still catching up). */
  notice?: ReactNode;
}

/** The fan page's loyalty card. */
export function LoyaltyCard({ fanId, notice }: LoyaltyCardProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const loyalty = useFanLoyalty(fanId);

  return (
    <Card
      title={
        <Space>
          <TrophyOutlined />
          {t('loyalty.cardTitle')}
        </Space>
      }
      data-testid="loyalty-card"
    >
      <Flex vertical gap={16}>
        {notice}
        {loyalty.isError ? (
          <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(loyalty.error)} />
        ) : loyalty.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <LoyaltyCardBody loyalty={loyalty.data} />
        )}
      </Flex>
    </Card>
  );
}
