import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_STATUSES, type MembershipStatus, type StaffTier } from '../types';

interface MembersFiltersProps {
  status: MembershipStatus | undefined;
  tierId: string | undefined;
  tiers: StaffTier[];
  onChange: (patch: { status?: MembershipStatus | null; tierId?: string | null }) => void;
}

/** Status and tier filters of the members list. */
export function MembersFilters({ status, tierId, tiers, onChange }: MembersFiltersProps) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={12}>
      <Select<MembershipStatus>
        allowClear
        value={status}
        onChange={(value) => onChange({ status: value ?? null })}
        placeholder={t('memberships.allStatuses')}
        options={MEMBERSHIP_STATUSES.map((value) => ({ value, label: t(`memberships.status.${value}`) }))}
        style={{ width: 200 }}
        aria-label={t('memberships.columns.status')}
        data-testid="members-status-filter"
      />
      <Select<string>
        allowClear
        value={tierId}
        onChange={(value) => onChange({ tierId: value ?? null })}
        placeholder={t('memberships.allTiers')}
        options={tiers.map((tier) => ({ value: tier.id, label: tier.name }))}
        style={{ width: 200 }}
        aria-label={t('memberships.columns.tier')}
        data-testid="members-tier-filter"
      />
    </Flex>
  );
}
