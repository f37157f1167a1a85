import { ExportOutlined, RollbackOutlined } from '../../../components/ui/icons';
import { Button, Empty, Flex, Grid, Table, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { useDateFormat } from '../../../lib/format-date';
import { useMoneyFormat } from '../../../lib/format-money';
import type { Purchase } from '../types';
import { PurchaseKindTag } from './membership-tags';
import { type PurchaseState, isRefundable, purchaseState } from './purchase-state';
import { useMembershipText } from './use-membership-text';

const STATE_COLORS: Record<PurchaseState, string> = { pending: 'blue', paid: 'green', refunded: 'purple', comp: 'gold', covered: 'default' };

interface PurchasesTableProps {
  purchases: Purchase[];
  /** Purchases whose refund was asked for in this session (the period goes once the provider confirms). */
  refundRequested: ReadonlySet<string>;
  onRefund: (purchase: Purchase) => void;
  /** Where a purchase's payment opens. */
  paymentHref: (paymentId: string) => string;
}

/** Every purchase of a fan's membership, newest first: joins, renewals, upgrades and comps. */
export function PurchasesTable({ purchases, refundRequested, onRefund, paymentHref }: PurchasesTableProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const money = useMoneyFormat();
  const text = useMembershipText();

  const compact = !Grid.useBreakpoint().sm;
  const { token } = theme.useToken();

  const what = (p: Purchase): ReactNode => (
    <Flex vertical gap={4} align="flex-start" style={{ minWidth: 0 }}>
      <Flex gap={6} align="center" wrap>
        <PurchaseKindTag kind={p.kind} />
        <Typography.Text strong>{p.tierName}</Typography.Text>
        <Typography.Text type="secondary">· {t('memberships.monthsCount', { count: p.months })}</Typography.Text>
      </Flex>
      <Typography.Text style={{ fontSize: 13 }}>
        {p.periodStart ? text.period(p.periodStart, p.periodEnd) : t('memberships.createdOn', { date: date(p.createdAt) })}
      </Typography.Text>
      {p.note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('memberships.noteLine', { note: p.note })}
        </Typography.Text>
      ) : null}
    </Flex>
  );

  const paid = (p: Purchase, align: 'flex-start' | 'flex-end'): ReactNode => {
    const state = purchaseState(p);
    return (
      <Flex vertical gap={4} align={align}>
        <Flex gap={6} align="baseline" wrap justify={align}>
          <Typography.Text>{p.kind === 'comp' ? '—' : money({ amountMinor: p.amountMinor, currency: p.currency })}</Typography.Text>
          {p.creditMinor > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('memberships.creditHint')}>
              {t('memberships.credit', { amount: money({ amountMinor: p.creditMinor, currency: p.currency }) })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={6} align="center" wrap justify={align}>
          <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid={`purchase-state-${state}`}>
            {t(`memberships.purchaseState.${state}`)}
          </Tag>
          {p.refundedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {date(p.refundedAt)}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
    );
  };

  const actions = (p: Purchase, vertical: boolean): ReactNode =>
    p.paymentId || isRefundable(p) ? (
      <Flex vertical={vertical} gap={vertical ? 6 : 12} align={vertical ? 'flex-start' : 'center'} wrap>
        {p.paymentId ? (
          <RouterLink to={paymentHref(p.paymentId)} testId="purchase-payment">
            <ExportOutlined /> {t('memberships.openPayment')}
          </RouterLink>
        ) : null}
        {isRefundable(p) ? (
          refundRequested.has(p.id) ? (
            <Tag color="blue">{t('memberships.refund.pending')}</Tag>
          ) : (
            <Button
              size="small"
              danger
              icon={<RollbackOutlined />}
              onClick={() => onRefund(p)}
              // antd's red on white is 3.3:1; the darker error text reads at 4.5:1.
              style={{ color: token.colorErrorText, borderColor: token.colorErrorText }}
              data-testid="purchase-refund"
            >
              {t('memberships.refund.action')}
            </Button>
          )
        ) : null}
      </Flex>
    ) : null;

  // On a phone each purchase is one cell, its parts stacked; wider, three columns.
  const columns: TableColumnsType<Purchase> = compact
    ? [
        {
          title: t('memberships.columns.kind'),
          key: 'purchase',
          render: (_, p) => (
            <Flex vertical gap={8}>
              {what(p)}
              {paid(p, 'flex-start')}
              {actions(p, false)}
            </Flex>
          ),
        },
      ]
    : [
        { title: t('memberships.columns.kind'), key: 'purchase', render: (_, p) => what(p) },
        { title: t('memberships.columns.amount'), key: 'amount', width: 140, align: 'right', render: (_, p) => paid(p, 'flex-end') },
        { title: t('common.actions'), key: 'actions', width: 140, render: (_, p) => actions(p, true) },
      ];

  return (
    <Table<Purchase>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={purchases}
      pagination={purchases.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
      scroll={compact ? undefined : { x: 520 }}
      // One stacked column on a phone: fixed, so long names wrap or shorten instead of widening the page.
      tableLayout={compact ? 'fixed' : undefined}
      data-testid="purchases-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberships.card.noPurchases')} /> }}
    />
  );
}
