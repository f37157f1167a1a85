import { DeleteOutlined, EditOutlined, InboxOutlined, UndoOutlined } from '../../../components/ui/icons';
import { Alert, App, Button, Empty, Flex, Grid, Popconfirm, Table, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyFormat } from '../../../lib/format-money';
import { useApiError, useErrorText } from '../../../lib/use-api-error';
import { useSetTierArchived } from '../api/archive-tier';
import { useDeleteTier } from '../api/delete-tier';
import { useTiers } from '../api/get-tiers';
import type { StaffTier } from '../types';
import { PerkTags, TierStatusTag } from './membership-tags';

interface TiersTableProps {
  onEdit: (tier: StaffTier) => void;
  onCreate: () => void;
}

/** Every tier, lowest rank first: prices, perks, members; edit, archive or restore, and delete one nobody has held. */
export function TiersTable({ onEdit, onCreate }: TiersTableProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const money = useMoneyFormat();
  const showError = useApiError();
  const errorText = useErrorText();
  const tiers = useTiers();
  const archive = useSetTierArchived();
  const remove = useDeleteTier();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const compact = !Grid.useBreakpoint().md;
  const { token } = theme.useToken();

  const setArchived = (tier: StaffTier, archived: boolean) =>
    archive.mutate(
      { id: tier.id, archived },
      {
        onSuccess: () => void message.success(t(archived ? 'memberships.tierArchived' : 'memberships.tierRestored', { name: tier.name })),
        onError: (error) => showError(error),
      },
    );

  const name = (tier: StaffTier): ReactNode => (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text strong>{tier.name}</Typography.Text>
      {tier.description ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: tier.description }}>
          {tier.description}
        </Typography.Text>
      ) : null}
    </Flex>
  );

  const prices = (tier: StaffTier): ReactNode => (
    <Flex vertical gap={2}>
      <Typography.Text>{t('memberships.perMonth', { amount: money({ amountMinor: tier.monthlyPriceMinor, currency: tier.currency }) })}</Typography.Text>
      <Typography.Text>{t('memberships.perYear', { amount: money({ amountMinor: tier.yearlyPriceMinor, currency: tier.currency }) })}</Typography.Text>
    </Flex>
  );

  const members = (tier: StaffTier): ReactNode => (
    <span title={t('memberships.membersHint', { now: tier.members, ever: tier.holders })}>
      <Typography.Text strong>{number.format(tier.members)}</Typography.Text>
      <Typography.Text type="secondary"> / {number.format(tier.holders)}</Typography.Text>
    </span>
  );

  const actions = (tier: StaffTier, vertical: boolean): ReactNode => (
    <Flex vertical={vertical} align={vertical ? 'flex-start' : 'center'} gap={vertical ? 2 : 4} wrap>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(tier)} data-testid="tier-edit">
        {t('memberships.editTier')}
      </Button>
      {tier.status === 'active' ? (
        <Popconfirm
          title={t('memberships.archiveConfirmTitle', { name: tier.name })}
          description={t('memberships.archiveConfirmBody')}
          okText={t('memberships.archive')}
          cancelText={t('common.cancel')}
          onConfirm={() => setArchived(tier, true)}
        >
          <Button type="link" size="small" icon={<InboxOutlined />} data-testid="tier-archive">
            {t('memberships.archive')}
          </Button>
        </Popconfirm>
      ) : (
        <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => setArchived(tier, false)} data-testid="tier-restore">
          {t('memberships.restore')}
        </Button>
      )}
      {tier.holders === 0 ? (
        <Popconfirm
          title={t('memberships.deleteConfirmTitle', { name: tier.name })}
          description={t('memberships.deleteConfirmBody')}
          okText={t('memberships.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutateAsync(tier.id).then(
              () => void message.success(t('memberships.tierDeleted', { name: tier.name })),
              (error: unknown) => showError(error),
            )
          }
        >
          <Button
            type="link"
            danger
            size="small"
            icon={<DeleteOutlined />}
            // antd's red on white is 3.3:1; the darker error text reads at 4.5:1.
            style={{ color: token.colorErrorText }}
            data-testid="tier-delete"
          >
            {t('memberships.delete')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );

  // On a phone each tier is one stacked cell; wider, a column each.
  const columns: TableColumnsType<StaffTier> = compact
    ? [
        {
          title: t('memberships.tabs.tiers'),
          key: 'tier',
          render: (_, tier) => (
            <Flex vertical gap={8} style={{ minWidth: 0 }}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Flex gap={8} align="flex-start" style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary">{tier.rank}</Typography.Text>
                  {name(tier)}
                </Flex>
                <TierStatusTag status={tier.status} />
              </Flex>
              {prices(tier)}
              <PerkTags perks={tier.perks} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('memberships.membersHint', { now: tier.members, ever: tier.holders })}
              </Typography.Text>
              {actions(tier, false)}
            </Flex>
          ),
        },
      ]
    : [
        { title: t('memberships.columns.rank'), dataIndex: 'rank', width: 64, align: 'right' },
        { title: t('memberships.columns.name'), dataIndex: 'name', width: 190, render: (_, tier) => name(tier) },
        { title: t('memberships.columns.price'), key: 'price', width: 150, render: (_, tier) => prices(tier) },
        { title: t('memberships.columns.perks'), key: 'perks', render: (_, tier) => <PerkTags perks={tier.perks} /> },
        {
          title: (
            <Flex vertical>
              <span>{t('memberships.columns.members')}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {t('memberships.membersSub')}
              </Typography.Text>
            </Flex>
          ),
          key: 'members',
          width: 110,
          align: 'right',
          render: (_, tier) => members(tier),
        },
        { title: t('memberships.columns.status'), dataIndex: 'status', width: 100, render: (_, tier) => <TierStatusTag status={tier.status} /> },
        { title: t('common.actions'), key: 'actions', width: 130, fixed: 'right', render: (_, tier) => actions(tier, true) },
      ];

  if (tiers.isError) return <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(tiers.error)} />;

  return (
    <Table<StaffTier>
      rowKey="id"
      columns={columns}
      dataSource={tiers.data ?? []}
      loading={tiers.isPending}
      pagination={false}
      size="middle"
      scroll={compact ? undefined : { x: 940 }}
      // One stacked column on a phone: fixed, so long names wrap or shorten instead of widening the page.
      tableLayout={compact ? 'fixed' : undefined}
      data-testid="tiers-table"
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberships.tiersEmpty')}>
            <Button type="primary" onClick={onCreate}>
              {t('memberships.newTier')}
            </Button>
          </Empty>
        ),
      }}
    />
  );
}
