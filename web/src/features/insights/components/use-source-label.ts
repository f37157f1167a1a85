import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceType } from '../types';

const SOURCE_LABELS = {
  direct: 'insights.source.direct',
  article: 'insights.source.article',
  share: 'insights.source.share',
  import: 'insights.source.import',
} as const satisfies Record<SourceType, string>;

/** One colour per source, the same in every chart. */
export const SOURCE_COLORS: Record<SourceType, string> = {
  direct: '#4f46e5',
  article: '#0ea5e9',
  share: '#10b981',
  import: '#f59e0b',
};
export const UNFOLLOW_COLOR = '#f87171';
export const FOLLOWERS_COLOR = '#334155';

export function useSourceLabel(): (source: SourceType) => string {
  const { t } = useTranslation();
  return useCallback((source: SourceType) => (source in SOURCE_LABELS ? t(SOURCE_LABELS[source]) : source), [t]);
}
