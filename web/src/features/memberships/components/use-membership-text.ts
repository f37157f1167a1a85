import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { CancelReason, MembershipStatus } from '../types';

/** The words the membership views share: how a membership renews, why it was canceled, a period. */
export function useMembershipText() {
  const { t } = useTranslation();
  const { date } = useDateFormat();

  /** "Renews every 12 months", "Prepaid" (renewed by paying again), "Not renewed" once canceled. */
  const renewal = useCallback(
    (m: { status: MembershipStatus; renewsEveryMonths: number | null }): string => {
      if (m.status === 'expired') return '—';
      if (m.renewsEveryMonths) return t('memberships.renewsEvery', { count: m.renewsEveryMonths });
      return m.status === 'canceled' ? t('memberships.notRenewed') : t('memberships.prepaid');
    },
    [t],
  );

  const cancelReason = useCallback((reason: CancelReason) => t(`memberships.cancelReasons.${reason}`), [t]);

  /** "12 Mar 2026 – 12 Apr 2026". */
  const period = useCallback(
    (start: string | null, end: string | null): string => (start && end ? t('memberships.periodRange', { start: date(start), end: date(end) }) : '—'),
    [t, date],
  );

  return { renewal, cancelReason, period };
}
