import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The loyalty ladder's levels, 0–4 (4 is a super fan). Several features name them (segment
 * filters, the timeline's "moved from … to …", the super-fans page), so the words live here.
 */
export const LOYALTY_LEVELS = [0, 1, 2, 3, 4] as const;
export type LoyaltyLevel = (typeof LOYALTY_LEVELS)[number];
export const SUPER_FAN_LEVEL = 4;

const LEVEL_LABELS = {
  0: 'loyaltyLevel.0',
  1: 'loyaltyLevel.1',
  2: 'loyaltyLevel.2',
  3: 'loyaltyLevel.3',
  4: 'loyaltyLevel.4',
} as const satisfies Record<LoyaltyLevel, string>;

/** One colour per level, low to high, used by tags and the funnel alike. */
export const LEVEL_COLORS: Record<LoyaltyLevel, string> = {
  0: '#bfbfbf',
  1: '#69b1ff',
  2: '#4096ff',
  3: '#7c3aed',
  4: '#faad14',
};

export function isLoyaltyLevel(value: unknown): value is LoyaltyLevel {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4;
}

/** "Reader", "超级粉丝"…; an unknown level is shown as its number. */
export function useLevelName(): (level: unknown) => string {
  const { t } = useTranslation();
  return useCallback((level: unknown) => (isLoyaltyLevel(level) ? t(LEVEL_LABELS[level]) : String(level)), [t]);
}
