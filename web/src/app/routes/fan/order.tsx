import { Button, Card, Flex, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { ArrowLeftOutlined } from '../../../components/ui/icons';
import { PageLoader } from '../../../components/ui/page-loader';
import { RouterLink } from '../../../components/ui/router-link';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { awaitingPayment, useMyOrder } from '../../../features/orders/api/get-my-order';
import { OrderView } from '../../../features/orders/components/order-view';
import { OrderWait } from '../../../features/orders/components/order-wait';
import { PayQrModal } from '../../../features/orders/components/pay-qr-modal';
import { payingMark } from '../../../features/orders/components/use-pay-action';
import { isApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { SignedOutCard } from './signed-out';

/**
 * One of my orders. Coming back from paying (`?paying=1`, or WeChat's code on screen) it waits,
 * and says so, until the verified payment has come; a payment started earlier is watched too.
 */
export function MyOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  // Back from paying: the QR or WeChat flow says so in the address, a provider's page in this tab's memory.
  const [paying] = useState(() => params.get('paying') === '1' || payingMark.has(id));
  const [qr, setQr] = useState<string | null>(() => ((location.state as { qr?: unknown } | null)?.qr as string | undefined) ?? null);
  const [startedAt] = useState(() => Date.now());
  const channel = useChannel();
  const me = useMe();
  const order = useMyOrder(id, { watch: true, startedAt });
  useDocumentTitle(order.data ? t('orders.view.title', { number: order.data.number }) : t('orders.list.title'), channel.data?.name);
  const closeQr = useCallback(() => setQr(null), []);
  const refetch = order.refetch;
  const onExpired = useCallback(() => void refetch(), [refetch]);
  const settled = order.data !== undefined && !awaitingPayment(order.data);
  useEffect(() => {
    if (settled) payingMark.clear(id);
  }, [settled, id]);

  const back = (
    <div>
      <RouterLink to="/orders" testId="back-to-orders">
        <ArrowLeftOutlined /> {t('orders.list.title')}
      </RouterLink>
    </div>
  );

  if (me.isPending) return <PageLoader />;
  if (!me.data) return <SignedOutCard next={`/orders/${id}`} />;
  if (order.isError) {
    return (
      <Flex vertical gap={16}>
        {back}
        {isApiError(order.error) && (order.error.status === 404 || order.error.status === 400) ? (
          <Card>
            <Result
              status="404"
              title={t('orders.view.notFound')}
              extra={
                <Button type="primary" onClick={() => navigate('/orders')}>
                  {t('orders.list.title')}
                </Button>
              }
            />
          </Card>
        ) : (
          <ErrorResult error={order.error} onRetry={() => void order.refetch()} />
        )}
      </Flex>
    );
  }
  if (!order.data) return <PageLoader />;
  const waiting = awaitingPayment(order.data);

  return (
    <Flex vertical gap={16}>
      {back}
      {paying || qr ? <OrderWait order={order.data} /> : null}
      <OrderView order={order.data} confirming={(paying || Boolean(qr)) && waiting} onExpired={onExpired} />
      <PayQrModal codeUrl={waiting || order.data.status === 'pending_payment' ? qr : null} onClose={closeQr} />
    </Flex>
  );
}
