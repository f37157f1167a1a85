import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleTiers } from '../../../lib/membership-tiers';
import type { FanMembershipStatus } from '../../segments/types';

const LABELS = {
  never: 'segments.membership.never',
  active: 'segments.membership.active',
  canceled: 'segments.membership.canceled',
  past_due: 'segments.membership.past_due',
  expired: 'segments.membership.expired',
} as const satisfies Record<FanMembershipStatus, string>;

/** "Never a member", "Active", "Canceled (until the period ends)"… */
export function useMembershipStatusLabel() {
  const { t } = useTranslation();
  return useCallback((status: FanMembershipStatus): string => (status in LABELS ? t(LABELS[status]) : status), [t]);
}

/** A tier's name by id ("Silver (archived)"); a tier that no longer exists says so. */
export function useTierLabel() {
  const { t } = useTranslation();
  const tiers = useConsoleTiers();
  return useCallback(
    (id: string): string => {
      const tier = tiers.data?.find((x) => x.id === id);
      if (!tier) return tiers.isPending ? '…' : t('segments.unknownTier');
      return tier.status === 'archived' ? t('segments.archivedTier', { name: tier.name }) : tier.name;
    },
    [tiers.data, tiers.isPending, t],
  );
}
