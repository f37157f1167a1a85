import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { PageLoader } from '../../../components/ui/page-loader';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { useMyOrders } from '../../../features/orders/api/get-my-orders';
import { MyOrdersList } from '../../../features/orders/components/my-orders-list';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';
import { SignedOutCard } from './signed-out';

/** My orders, newest first (the page number is in the address). */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const channel = useChannel();
  const me = useMe();
  const { page, pageSize, onPageChange } = useUrlListParams(10);
  const orders = useMyOrders({ page, pageSize }, { enabled: Boolean(me.data) });
  useDocumentTitle(t('orders.list.title'), channel.data?.name);

  if (me.isPending) return <PageLoader />;
  if (!me.data) return <SignedOutCard next="/orders" />;
  if (orders.isError) return <ErrorResult error={orders.error} onRetry={() => void orders.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('orders.list.title')}
      </Typography.Title>
      <MyOrdersList
        page={orders.data}
        loading={orders.isPending || orders.isPlaceholderData}
        onOpen={(id) => void navigate(`/orders/${id}`)}
        onPage={onPageChange}
        onShop={() => void navigate('/store')}
      />
    </Flex>
  );
}
