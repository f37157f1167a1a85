import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import { useLedgerBalances } from '../api/get-ledger';
import type { LedgerBalance } from '../types';

/** Each account's debits, credits and balance, per currency. */
export function LedgerBalances() {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const balances = useLedgerBalances();
  return (
    <Table<LedgerBalance>
      rowKey={(b) => `${b.account}:${b.currency}`}
      size="small"
      pagination={false}
      loading={balances.isPending}
      dataSource={balances.data?.items ?? []}
      data-testid="ledger-balances"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.empty')} /> }}
      columns={[
        { title: t('ledger.account'), dataIndex: 'account', render: (v: LedgerBalance['account']) => t(`ledger.accounts.${v}`) },
        { title: t('ledger.debit'), dataIndex: 'debitMinor', align: 'right', render: (v: number, b) => money({ amountMinor: v, currency: b.currency }) },
        { title: t('ledger.credit'), dataIndex: 'creditMinor', align: 'right', render: (v: number, b) => money({ amountMinor: v, currency: b.currency }) },
        { title: t('ledger.balance'), dataIndex: 'balanceMinor', align: 'right', render: (v: number, b) => money({ amountMinor: v, currency: b.currency }) },
      ]}
    />
  );
}
