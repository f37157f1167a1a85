import { useMoneyFormat } from '../../../lib/format-money';

/** "¥99.00", or "¥99.00 – ¥129.00" for a range. */
export function usePriceRangeText() {
  const money = useMoneyFormat();
  return (range: { currency: string; minMinor: number; maxMinor: number } | null): string => {
    if (!range) return '';
    const min = money({ amountMinor: range.minMinor, currency: range.currency });
    return range.minMinor === range.maxMinor ? min : `${min} – ${money({ amountMinor: range.maxMinor, currency: range.currency })}`;
  };
}
