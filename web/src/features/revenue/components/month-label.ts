import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** A UTC month `YYYY-MM` in the UI language: "Mar 2026" / "2026年3月" (`long`: "March 2026"). */
export function useMonthLabel(style: 'short' | 'long' = 'short'): (month: string) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: style, timeZone: 'UTC' });
    return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
  }, [locale, style]);
}
