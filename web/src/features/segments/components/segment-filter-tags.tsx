import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CURRENCY, useMoneyFormat } from '../../../lib/format-money';
import { useLevelName } from '../../../lib/loyalty-levels';
import type { SegmentFilter } from '../../segments/types';
import { useFanStatusLabel } from '../../segments/components/fan-status-tag';
import { useMembershipStatusLabel, useTierLabel } from '../../segments/components/use-membership-filter-text';

/** A segment's filter in words, one tag per condition ("All fans" when it has none). */
export function SegmentFilterTags({ filter }: { filter: SegmentFilter }) {
  const { t, i18n } = useTranslation();
  const statusLabel = useFanStatusLabel();
  const levelName = useLevelName();
  const membershipLabel = useMembershipStatusLabel();
  const tierLabel = useTierLabel();
  // Filter days are calendar days (the channel's): formatted as dates, whatever the browser's time zone.
  const day = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' });
  const formatDay = (value: string) => day.format(new Date(`${value}T00:00:00Z`));
  const list = (values: string[]) => values.join(t('segments.summary.separator'));
  const money = useMoneyFormat();
  const spend = (amountMinor: number) => money({ amountMinor, currency: DEFAULT_CURRENCY });

  const tags: Array<{ key: string; text: string; color?: string }> = [];
  if (filter.status) tags.push({ key: 'status', text: t('segments.summary.status', { values: list(filter.status.map(statusLabel)) }) });
  if (filter.levels) tags.push({ key: 'levels', text: t('segments.summary.levels', { values: list(filter.levels.map(levelName)) }) });
  if (filter.membership) tags.push({ key: 'membership', text: t('segments.summary.membership', { values: list(filter.membership.map(membershipLabel)) }) });
  if (filter.tierIds) tags.push({ key: 'tiers', text: t('segments.summary.tiers', { values: list(filter.tierIds.map(tierLabel)) }), color: 'gold' });
  if (filter.followedFrom && filter.followedTo) {
    tags.push({ key: 'followed', text: t('segments.summary.followedBetween', { from: formatDay(filter.followedFrom), to: formatDay(filter.followedTo) }) });
  } else if (filter.followedFrom) {
    tags.push({ key: 'followed', text: t('segments.summary.followedFrom', { from: formatDay(filter.followedFrom) }) });
  } else if (filter.followedTo) {
    tags.push({ key: 'followed', text: t('segments.summary.followedTo', { to: formatDay(filter.followedTo) }) });
  }
  if (filter.activeWithinDays) tags.push({ key: 'active', text: t('segments.summary.activeWithin', { count: filter.activeWithinDays }) });
  if (filter.inactiveForDays) tags.push({ key: 'inactive', text: t('segments.summary.inactiveFor', { count: filter.inactiveForDays }) });
  if (filter.spendMinMinor !== undefined && filter.spendMaxMinor !== undefined) {
    tags.push({ key: 'spend', text: t('segments.summary.spendBetween', { min: spend(filter.spendMinMinor), max: spend(filter.spendMaxMinor) }), color: 'green' });
  } else if (filter.spendMinMinor !== undefined) {
    tags.push({ key: 'spend', text: t('segments.summary.spendAtLeast', { min: spend(filter.spendMinMinor) }), color: 'green' });
  } else if (filter.spendMaxMinor !== undefined) {
    tags.push({ key: 'spend', text: t('segments.summary.spendAtMost', { max: spend(filter.spendMaxMinor) }), color: 'green' });
  }
  if (filter.purchasedWithinDays) tags.push({ key: 'bought', text: t('segments.summary.purchasedWithin', { count: filter.purchasedWithinDays }), color: 'green' });
  if (filter.lastPurchaseBefore)
    tags.push({ key: 'lastBought', text: t('segments.summary.lastPurchaseBefore', { day: formatDay(filter.lastPurchaseBefore) }), color: 'green' });
  if (filter.neverPurchased) tags.push({ key: 'never', text: t('segments.summary.neverPurchased') });
  for (const tag of filter.tags ?? []) tags.push({ key: `tag-${tag}`, text: t('segments.summary.tag', { tag }), color: 'purple' });
  if (filter.q) tags.push({ key: 'q', text: t('segments.summary.q', { q: filter.q }) });

  if (tags.length === 0) return <Typography.Text type="secondary">{t('segments.summary.all')}</Typography.Text>;
  return (
    <Flex wrap gap={4} data-testid="segment-filter-tags">
      {tags.map((tag) => (
        <Tag key={tag.key} color={tag.color} variant="filled" style={{ marginInlineEnd: 0 }}>
          {tag.text}
        </Tag>
      ))}
    </Flex>
  );
}
