import { Empty, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverPagination } from '../../../components/ui/server-pagination';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import { useLedgerTransactions } from '../api/get-ledger';
import { LEDGER_ACCOUNTS, type LedgerAccount, type LedgerTransaction } from '../types';

/** The ledger's transactions, newest first, each with its balanced entries. */
export function LedgerTransactions() {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const money = useMoneyFormat();
  const [account, setAccount] = useState<LedgerAccount | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useLedgerTransactions({ account, ...paging });
  return (
    <Flex vertical gap={12}>
      <Select<LedgerAccount | 'all'>
        style={{ width: 240 }}
        value={account ?? 'all'}
        aria-label={t('ledger.account')}
        onChange={(value) => {
          setAccount(value === 'all' ? undefined : value);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: 'all', label: t('ledger.allAccounts') }, ...LEDGER_ACCOUNTS.map((a) => ({ value: a, label: t(`ledger.accounts.${a}`) }))]}
      />
      <Table<LedgerTransaction>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(
          list.data,
          (page, pageSize) => setPaging({ page, pageSize }),
          (total) => t('ledger.paginationTotal', { count: total }),
        )}
        scroll={{ x: 760 }}
        data-testid="ledger-transactions"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.empty')} /> }}
        columns={[
          { title: t('ledger.date'), dataIndex: 'occurredAt', width: 180, render: (v: string) => dateTime(v) },
          {
            title: t('ledger.memo'),
            dataIndex: 'memo',
            render: (v: string, tx) => (
              <Flex vertical>
                <Typography.Text>{v || '—'}</Typography.Text>
                <Typography.Text type="secondary">{t(`ledger.sources.${tx.source}`, { defaultValue: tx.source })}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('ledger.entries'),
            dataIndex: 'entries',
            render: (entries: LedgerTransaction['entries']) => (
              <Flex vertical>
                {entries.map((e, i) => (
                  <Flex key={i} justify="space-between" gap={16}>
                    <Typography.Text>{t(`ledger.accounts.${e.account}`)}</Typography.Text>
                    <Typography.Text type={e.amountMinor < 0 ? 'secondary' : undefined}>
                      {e.amountMinor < 0 ? t('ledger.creditShort') : t('ledger.debitShort')}{' '}
                      {money({ amountMinor: Math.abs(e.amountMinor), currency: e.currency })}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
