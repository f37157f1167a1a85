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
} as const;

type KnownKind = keyof typeof KIND_LABELS;

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

export function useActivityText() {
  const { t } = useTranslation();
  const levelName = useLevelName();

  const kindLabel = useCallback(
    (activity: Activity): string | null => {
      if (isUnfollowAfterRead(activity)) return t('activity.kind.unfollowedAfterRead');
      const move = levelMove(activity);
      if (move) return t('activity.levelMoved', { from: levelName(move.from), to: levelName(move.to) });
      return isKnownKind(activity.kind) ? t(KIND_LABELS[activity.kind]) : null;
    },
    [t, levelName],
  );

  /** "direct" → Direct; "import" → Imported; "article:abc" → Article; "share:xyz" → Share link · xyz. */
  const sourceLabel = useCallback(
    (source: string | null): string | null => {
      if (!source) return null;
      if (source === 'direct') return t('activity.source.direct');
      if (source === 'import') return t('activity.source.import');
      const separator = source.indexOf(':');
      if (separator > 0) {
        const prefix = source.slice(0, separator);
        const ref = source.slice(separator + 1);
        if (prefix === 'article') return t('activity.source.article');
        if (prefix === 'share') return t('activity.source.share', { ref });
      }
      return source;
    },
    [t],
  );

  return { kindLabel, sourceLabel };
}
