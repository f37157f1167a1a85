import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Money as the API sends it: integer minor units (fen for CNY) plus an ISO 4217 currency. */
export interface Money {
  amountMinor: number;
  currency: string;
}

export const DEFAULT_CURRENCY = 'CNY';

/** How many minor units a currency has after the point (CNY 2, JPY 0). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 12.34 yuan → 1234 fen, rounded to whole minor units. */
export function toMinor(major: number, currency = DEFAULT_CURRENCY): number {
  return Math.round(major * 10 ** currencyDigits(currency));
}

/** 1234 fen → 12.34 yuan. */
export function toMajor(amountMinor: number, currency = DEFAULT_CURRENCY): number {
  return amountMinor / 10 ** currencyDigits(currency);
}

/** The currency's short symbol in the UI language, e.g. "¥". */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** Formats money in the current UI language: ¥1,234.56. */
export function useMoneyFormat(): (money: Money | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const formatters = new Map<string, Intl.NumberFormat>();
    return (money) => {
      if (!money) return '';
      let formatter = formatters.get(money.currency);
      if (!formatter) {
        try {
          formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay: 'narrowSymbol' });
        } catch {
          return `${toMajor(money.amountMinor, money.currency)} ${money.currency}`;
        }
        formatters.set(money.currency, formatter);
      }
      return formatter.format(toMajor(money.amountMinor, money.currency));
    };
  }, [locale]);
}
