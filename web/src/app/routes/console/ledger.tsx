import { DownloadOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { LedgerBalances } from '../../../features/ledger/components/ledger-balances';
import { LedgerTransactions } from '../../../features/ledger/components/ledger-transactions';
import { useDocumentTitle } from '../../../lib/use-document-title';

/** The ledger: balances per account, every transaction, and the CSV for the accountant. */
export function LedgerPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.ledger'), 'Fanbase');
  return (
    <>
      <PageHeader
        title={t('nav.ledger')}
        subtitle={t('ledger.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href="/api/admin/ledger/export.csv" download data-testid="ledger-export">
            {t('ledger.export')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('ledger.balancesTitle')}>
          <LedgerBalances />
        </Card>
        <Card title={t('ledger.transactionsTitle')}>
          <LedgerTransactions />
        </Card>
      </Flex>
    </>
  );
}
