import { Alert, Card, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { usePaymentProviders } from '../../../features/payments/api/get-providers';
import { PaymentDrawer } from '../../../features/payments/components/payment-drawer';
import { PaymentsTable } from '../../../features/payments/components/payments-table';
import { useDocumentTitle } from '../../../lib/use-document-title';

/**
 * Payments: every one with its status, the configured providers, a payment's notifications and
 * refunds. `?payment=<id>` opens that payment (other pages link to one this way).
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
  const providers = usePaymentProviders();
  useDocumentTitle(t('nav.payments'), 'Fanbase');
  const onlyTest = (providers.data ?? []).length > 0 && (providers.data ?? []).every((p) => p.testMode);

  return (
    <>
      <PageHeader
        title={t('nav.payments')}
        subtitle={t('payments.subtitle')}
        extra={
          <Flex gap={6} wrap data-testid="payment-providers">
            {(providers.data ?? []).map((p) => (
              <Tag key={p.name} color={p.testMode ? 'orange' : 'green'}>
                {t(`payments.providers.${p.name}`, { defaultValue: p.name })}
                {p.default ? ` · ${t('payments.defaultProvider')}` : ''}
              </Tag>
            ))}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        {onlyTest ? <Alert type="warning" showIcon title={t('payments.onlyTestMode')} data-testid="payments-test-mode" /> : null}
        <Card>
          <PaymentsTable onOpen={setOpen} />
        </Card>
      </Flex>
      <PaymentDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
