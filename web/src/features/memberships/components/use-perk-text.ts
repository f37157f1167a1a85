import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Perk } from '../types';

/** 90 → "90 minutes", 120 → "2 hours", 2880 → "2 days" (in the UI language). */
export function earlyAccessDuration(minutes: number, locale: string): string {
  const [value, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** One perk in words: "Festival sales 2 hours early", "10% off in the store", or the free text. */
export function usePerkText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useCallback(
    (perk: Perk): string => {
      switch (perk.kind) {
        case 'members_only_articles':
          return t('memberships.perks.members_only_articles');
        case 'early_access':
          return t('memberships.perks.early_access', { duration: earlyAccessDuration(perk.minutes, locale) });
        case 'store_discount':
          return t('memberships.perks.store_discount', { percent: perk.percent });
        case 'event_priority':
          return t('memberships.perks.event_priority');
        case 'text':
          return perk.text;
      }
    },
    [t, locale],
  );
}
