import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UploadOutlined } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { useAdminOrders } from '../../../features/orders/api/get-admin-orders';
import { OrderDrawer } from '../../../features/orders/components/order-drawer';
import { OrdersFilters } from '../../../features/orders/components/orders-filters';
import { OrdersTable } from '../../../features/orders/components/orders-table';
import { ShipmentsCsvModal } from '../../../features/orders/components/shipments-csv-modal';
import { ORDER_CHANNELS, ORDER_STATUSES, type OrderChannel, type OrderStatus } from '../../../features/orders/types';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

/**
 * The store's orders: filters and pages in the address, `?order=<id>` opens one in a drawer (to
 * ship, deliver, cancel or refund it); tracking numbers for many orders at once from a CSV.
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, page, pageSize, update, onPageChange } = useUrlListParams();
  const status = oneOf<OrderStatus>(ORDER_STATUSES, params.get('status'));
  const channel = oneOf<OrderChannel>(ORDER_CHANNELS, params.get('channel'));
  const q = params.get('q') ?? undefined;
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const open = params.get('order') ?? undefined;
  const orders = useAdminOrders({ status, channel, q, from, to, page, pageSize });
  const [csvOpen, setCsvOpen] = useState(false);
  useDocumentTitle(t('nav.orders'), 'Fanbase');

  return (
    <>
      <PageHeader
        title={t('nav.orders')}
        subtitle={t('ordersConsole.subtitle')}
        extra={
          <Button icon={<UploadOutlined />} onClick={() => setCsvOpen(true)} data-testid="orders-csv">
            {t('ordersConsole.csv.open')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <OrdersFilters status={status} channel={channel} q={q} from={from} to={to} onChange={(patch) => update({ ...patch, page: null })} />
          <OrdersTable page={orders.data} loading={orders.isPending || orders.isPlaceholderData} onOpen={(id) => update({ order: id })} onPage={onPageChange} />
        </Flex>
      </Card>
      <OrderDrawer
        id={open}
        onClose={() => update({ order: null })}
        onOpenFan={(fanId) => void navigate(`/console/fans/${fanId}`)}
        onOpenPayment={(paymentId) => void navigate(`/console/payments?payment=${paymentId}`)}
      />
      <ShipmentsCsvModal open={csvOpen} onClose={() => setCsvOpen(false)} />
    </>
  );
}
