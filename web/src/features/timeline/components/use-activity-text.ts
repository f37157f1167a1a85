import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLevelName } from '../../../lib/loyalty-levels';
import type { Activity } from '../types';

/** Labels for the activity kinds this version knows; any other kind is shown as sent. */
const KIND_LABELS = {
  followed: 'activity.kind.followed',
  unfollowed: 'activity.kind.unfollowed',
  read: 'activity.kind.read',
  shared: 'activity.kind.shared',
  level_changed: 'activity.kind.level_changed',
  membership_joined: 'activity.kind.membership_joined',
  membership_renewed: 'activity.kind.membership_renewed',
  membership_upgraded: 'activity.kind.membership_upgraded',
  membership_granted: 'activity.kind.membership_granted',
  membership_canceled: 'activity.kind.membership_canceled',
  membership_expired: 'activity.kind.membership_expired',
  membership_refunded: 'activity.kind.membership_refunded',
  order_placed: 'activity.kind.order_placed',
  order_paid: 'activity.kind.order_paid',
  order_shipped: 'activity.kind.order_shipped',
  order_delivered: 'activity.kind.order_delivered',
  order_canceled: 'activity.kind.order_canceled',
  order_refunded: 'activity.kind.order_refunded',
  festival_reserved: 'activity.kind.festival_reserved',
} as const;

/** The same, as the fan reads their own timeline: in their words, not the CRM's. */
const FAN_KIND_LABELS = {
  followed: 'activity.fan.followed',
  unfollowed: 'activity.fan.unfollowed',
  read: 'activity.fan.read',
  shared: 'activity.fan.shared',
  level_changed: 'activity.fan.levelChanged',
  membership_joined: 'activity.fan.membershipJoined',
  membership_renewed: 'activity.fan.membershipRenewed',
  membership_upgraded: 'activity.fan.membershipUpgraded',
  membership_granted: 'activity.fan.membershipGranted',
  membership_canceled: 'activity.fan.membershipCanceled',
  membership_expired: 'activity.fan.membershipExpired',
  membership_refunded: 'activity.fan.membershipRefunded',
  order_placed: 'activity.fan.orderPlaced',
  order_paid: 'activity.fan.orderPaid',
  order_shipped: 'activity.fan.orderShipped',
  order_delivered: 'activity.fan.orderDelivered',
  order_canceled: 'activity.fan.orderCanceled',
  order_refunded: 'activity.fan.orderRefunded',
  festival_reserved: 'activity.fan.festivalReserved',
} as const satisfies Record<keyof typeof KIND_LABELS, string>;

type KnownKind = keyof typeof KIND_LABELS;

/** Membership activities, as staff read them on a fan's page; `data.tier` is the tier's name at the time. */
const MEMBERSHIP_LABELS = {
  membership_joined: 'activity.membership.joined',
  membership_renewed: 'activity.membership.renewed',
  membership_upgraded: 'activity.membership.upgraded',
  membership_granted: 'activity.membership.granted',
  membership_canceled: 'activity.membership.canceled',
  membership_expired: 'activity.membership.expired',
  membership_refunded: 'activity.membership.refunded',
} as const;

export function isMembershipKind(kind: string): kind is keyof typeof MEMBERSHIP_LABELS {
  return Object.prototype.hasOwnProperty.call(MEMBERSHIP_LABELS, kind);
}

/** Who reads the timeline: staff on a fan's console page, or the fan on their own account page. */
export type TimelineAudience = 'staff' | 'fan';

export function isKnownKind(kind: string): kind is KnownKind {
  return Object.prototype.hasOwnProperty.call(KIND_LABELS, kind);
}

/** An unfollow the server blamed on the last article the fan read before it. */
export function isUnfollowAfterRead(activity: Activity): boolean {
  return activity.kind === 'unfollowed' && activity.data.attributedBy === 'last_read' && Boolean(activity.articleId);
}

/** A loyalty level move, `{from, to}` in its data; null when the data is not two levels. */
export function levelMove(activity: Activity): { from: number; to: number } | null {
  const { from, to } = activity.data;
  return activity.kind === 'level_changed' && typeof from === 'number' && typeof to === 'number' ? { from, to } : null;
}

export function useActivityText(audience: TimelineAudience = 'staff') {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const fan = audience === 'fan';

  const kindLabel = useCallback(
    (activity: Activity): string | null => {
      const move = levelMove(activity);
      // Membership activities name the tier as it was called then.
      const tier = typeof activity.data.tier === 'string' ? activity.data.tier : '';
      // Order activities name the order by its number; festival reservations the festival and the SKU as they were then.
      const text = (key: string) => (typeof activity.data[key] === 'string' ? (activity.data[key] as string) : '');
      const names = { tier, number: text('number'), festival: text('festival'), sku: text('sku') };
      if (fan) {
        if (move)
          return move.to > move.from ? t('activity.fan.levelUp', { level: levelName(move.to) }) : t('activity.fan.levelDown', { level: levelName(move.to) });
        return isKnownKind(activity.kind) ? t(FAN_KIND_LABELS[activity.kind], names) : null;
      }
      if (isUnfollowAfterRead(activity)) return t('activity.kind.unfollowedAfterRead');
      if (isMembershipKind(activity.kind) && typeof activity.data.tier === 'string') {
        const { tier, fromTier, automatic } = activity.data;
        if (activity.kind === 'membership_renewed' && automatic === true) return t('activity.membership.renewedAutomatically', { tier });
        return t(MEMBERSHIP_LABELS[activity.kind], { tier, from: typeof fromTier === 'string' ? fromTier : '' });
      }
      if (move) return t('activity.levelMoved', { from: levelName(move.from), to: levelName(move.to) });
      return isKnownKind(activity.kind) ? t(KIND_LABELS[activity.kind], names) : null;
    },
    [t, levelName, fan],
  );

  /**
   * Staff: "direct" → Via: Direct; "import" → Via: Imported; "article:abc" → Via: Article; "share:xyz" → Via: Share link · xyz.
   * The fan: From the channel page, From an article, From a share link, Added by the channel (no codes).
   */
  const sourceLabel = useCallback(
    (source: string | null): string | null => {
      if (!source) return null;
      const separator = source.indexOf(':');
      const prefix = separator > 0 ? source.slice(0, separator) : source;
      const ref = separator > 0 ? source.slice(separator + 1) : '';
      if (fan) {
        if (prefix === 'direct') return t('activity.fan.fromDirect');
        if (prefix === 'import') return t('activity.fan.fromImport');
        if (prefix === 'article') return t('activity.fan.fromArticle');
        if (prefix === 'share') return t('activity.fan.fromShare');
        return null;
      }
      let label = source;
      if (prefix === 'direct') label = t('activity.source.direct');
      else if (prefix === 'import') label = t('activity.source.import');
      else if (prefix === 'article' && ref) label = t('activity.source.article');
      else if (prefix === 'share' && ref) label = t('activity.source.share', { ref });
      return t('activity.via', { source: label });
    },
    [t, fan],
  );

  return { kindLabel, sourceLabel };
}
