import { Alert, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { usePaymentSettings } from '../../../features/payments/api/get-payment-settings';
import { PaymentDrawer } from '../../../features/payments/components/payment-drawer';
import { PaymentsTable } from '../../../features/payments/components/payments-table';
import { ProvidersCard } from '../../../features/payments/components/providers-card';
import { SaleChannelsCard } from '../../../features/payments/components/sale-channels-card';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useConsoleStaff } from './console-layout';

/**
 * Payments: every one with its status, a payment's notifications and refunds; the channels of
 * sale with the provider each pays through (the owner chooses), and every provider with the
 * variables that configure it. `?payment=<id>` opens that payment (other pages link to one this way).
 */
export function PaymentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const open = params.get('payment') ?? undefined;
  const setOpen = (id: string | undefined) =>
    setParams(
      (before) => {
        const next = new URLSearchParams(before);
        if (id) next.set('payment', id);
        else next.delete('payment');
        return next;
      },
      { replace: true },
    );
  const me = useConsoleStaff();
  const settings = usePaymentSettings();
  useDocumentTitle(t('nav.payments'), 'Fanbase');
  const configured = (settings.data?.providers ?? []).filter((p) => p.configured);
  const onlyTest = configured.length > 0 && configured.every((p) => p.testMode);

  return (
    <>
      <PageHeader title={t('nav.payments')} subtitle={t('payments.subtitle')} />
      <Flex vertical gap={16}>
        {onlyTest ? <Alert type="warning" showIcon title={t('payments.onlyTestMode')} data-testid="payments-test-mode" /> : null}
        <Card>
          <PaymentsTable onOpen={setOpen} />
        </Card>
        <SaleChannelsCard settings={settings.data} loading={settings.isPending} canChoose={me.role === 'owner'} />
        <ProvidersCard providers={settings.data?.providers ?? []} loading={settings.isPending} />
      </Flex>
      <PaymentDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
