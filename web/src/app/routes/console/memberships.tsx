import { PlusOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { useMemberships } from '../../../features/memberships/api/get-memberships';
import { useTiers } from '../../../features/memberships/api/get-tiers';
import { MembersFilters } from '../../../features/memberships/components/members-filters';
import { MembersTable } from '../../../features/memberships/components/members-table';
import { TierDrawer } from '../../../features/memberships/components/tier-drawer';
import { TiersTable } from '../../../features/memberships/components/tiers-table';
import { MEMBERSHIP_STATUSES, type StaffTier } from '../../../features/memberships/types';
import { useErrorText } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';

const TABS = ['members', 'tiers'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Members (filtered by status and tier) and the tiers on offer, each a tab; the tab and filters live in the URL. */
export function MembershipsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { params, page, pageSize, update, onPageChange } = useUrlListParams();
  useDocumentTitle(t('nav.memberships'), 'Fanbase');
  const tab = oneOf(TABS, params.get('tab')) ?? 'members';
  const status = oneOf(MEMBERSHIP_STATUSES, params.get('status'));
  const tiers = useTiers();
  const tierParam = params.get('tier');
  const tierId = tierParam && UUID.test(tierParam) ? tierParam : undefined;
  const members = useMemberships({ status, tierId, page, pageSize });
  const [drawer, setDrawer] = useState<{ open: boolean; tier?: StaffTier }>({ open: false });

  const newTier = () => setDrawer({ open: true });

  return (
    <>
      <PageHeader
        title={t('nav.memberships')}
        subtitle={t('memberships.subtitle')}
        extra={
          // Beside the title, not in the tab bar: a button inside the tab list is not a tab.
          tab === 'tiers' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={newTier} data-testid="new-tier">
              {t('memberships.newTier')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'members' ? null : (oneOf(TABS, key) ?? null) })}
          items={[
            {
              key: 'members',
              label: t('memberships.tabs.members'),
              children: (
                <Flex vertical gap={16}>
                  <MembersFilters
                    status={status}
                    tierId={tierId}
                    tiers={tiers.data ?? []}
                    onChange={(patch) => update({ status: patch.status, tier: patch.tierId, page: null })}
                  />
                  {members.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(members.error)} /> : null}
                  <MembersTable
                    data={members.data}
                    loading={members.isFetching}
                    filtered={Boolean(status || tierId)}
                    onPageChange={onPageChange}
                    fanHref={(fanId) => `/console/fans/${fanId}`}
                  />
                </Flex>
              ),
            },
            {
              key: 'tiers',
              label: t('memberships.tabs.tiers'),
              children: <TiersTable onCreate={newTier} onEdit={(tier) => setDrawer({ open: true, tier })} />,
            },
          ]}
          data-testid="memberships-tabs"
        />
      </Card>
      <TierDrawer open={drawer.open} tier={drawer.tier} tiers={tiers.data ?? []} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
