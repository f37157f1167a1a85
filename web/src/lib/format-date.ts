import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface DateFormatters {
  /** e.g. "12 Mar 2025" / "2025年3月12日" */
  date: (iso: string | null | undefined) => string;
  /** e.g. "12 Mar 2025, 14:05" / "2025年3月12日 14:05" */
  dateTime: (iso: string | null | undefined) => string;
}

function safeFormat(formatter: Intl.DateTimeFormat, iso: string | null | undefined): string {
  if (!iso) return '';
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : formatter.format(value);
}

/** Date formatters in the current UI language. */
export function useDateFormat(): DateFormatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const dateFormatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFormatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      date: (iso) => safeFormat(dateFormatter, iso),
      dateTime: (iso) => safeFormat(dateTimeFormatter, iso),
    };
  }, [locale]);
}
