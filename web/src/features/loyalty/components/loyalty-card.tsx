import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/use-api-error';
import { useFanLoyalty } from '../api/get-fan-loyalty';
import { LoyaltyCardBody } from './loyalty-card-body';

/** The fan page's loyalty card. */
export function LoyaltyCard({ fanId }: { fanId: string }) {
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
      {loyalty.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(loyalty.error)} />
      ) : loyalty.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <LoyaltyCardBody loyalty={loyalty.data} />
      )}
    </Card>
  );
}
