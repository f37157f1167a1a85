import { describe, expect, it } from 'vitest';
import { addMonths } from '../../core/calendar-months.ts';
import { upgradeCredit } from './membership-periods.ts';

const at = (s: string) => new Date(s);

describe('calendar months', () => {
  it('renews a membership bought on the 31st at the end of shorter months', () => {
    expect(addMonths(at('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(at('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonths(at('2026-03-15T00:00:00Z'), 12).toISOString()).toBe('2027-03-15T00:00:00.000Z');
    expect(addMonths(at('2026-12-31T23:59:59Z'), 2).toISOString()).toBe('2027-02-28T23:59:59.000Z');
  });
});

describe('upgrade credit (the proration rule)', () => {
  const month = { amountMinor: 3_000, periodStart: at('2026-04-01T00:00:00Z'), periodEnd: at('2026-05-01T00:00:00Z') };

  it('credits the unused part of the current period at what was paid for it, rounded down', () => {
    // 10 of 30 days used: 20/30 of ¥30.00 = ¥20.00
    expect(upgradeCredit([month], at('2026-04-11T00:00:00Z'))).toBe(2_000);
    // a third of a minor unit is not credited
    expect(upgradeCredit([{ ...month, amountMinor: 1 }], at('2026-04-11T00:00:00Z'))).toBe(0);
  });

  it('credits a period paid ahead (stacked renewal) in full, and nothing for used or granted periods', () => {
    const next = { amountMinor: 3_000, periodStart: month.periodEnd, periodEnd: at('2026-06-01T00:00:00Z') };
    const used = { amountMinor: 3_000, periodStart: at('2026-03-01T00:00:00Z'), periodEnd: month.periodStart };
    const comp = { amountMinor: 0, periodStart: month.periodStart, periodEnd: month.periodEnd };
    expect(upgradeCredit([used, month, next, comp], at('2026-04-16T00:00:00Z'))).toBe(1_500 + 3_000);
    expect(upgradeCredit([], at('2026-04-16T00:00:00Z'))).toBe(0);
  });
});
