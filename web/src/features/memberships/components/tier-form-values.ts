import { DEFAULT_CURRENCY, toMajor, toMinor } from '../../../lib/format-money';
import type { Perk, StaffTier, TierInput } from '../types';

/** The tier drawer's fields: prices in major units (yuan), the typed perks as switches, free-text perks as a list. */
export interface TierFormValues {
  name: string;
  description: string;
  rank: number;
  monthlyPrice: number | null;
  yearlyPrice: number | null;
  currency: string;
  membersOnlyArticles: boolean;
  earlyAccess: boolean;
  earlyAccessMinutes: number | null;
  storeDiscount: boolean;
  storeDiscountPercent: number | null;
  eventPriority: boolean;
  textPerks: string[];
}

/** A form field's name path, as antd takes it. */
export type FieldName = (string | number)[];

/** A tier holds at most this many perks (the server's limit). */
export const MAX_PERKS = 20;
/** Bounds of the typed perks' numbers (the server's). */
export const EARLY_ACCESS_MINUTES = { min: 1, max: 10_080 } as const;
export const STORE_DISCOUNT_PERCENT = { min: 1, max: 90 } as const;
/** The highest price of a period, in minor units (the server's). */
export const MAX_PRICE_MINOR = 100_000_000;

const DEFAULT_EARLY_ACCESS_MINUTES = 60;
const DEFAULT_STORE_DISCOUNT_PERCENT = 10;

function perkOf<K extends Perk['kind']>(perks: Perk[], kind: K): Extract<Perk, { kind: K }> | undefined {
  return perks.find((perk): perk is Extract<Perk, { kind: K }> => perk.kind === kind);
}

/** The form for a tier being edited, or for a new one ranked above every other. */
export function toTierFormValues(tier: StaffTier | undefined, tiers: StaffTier[]): TierFormValues {
  if (!tier) {
    return {
      name: '',
      description: '',
      rank: Math.max(0, ...tiers.map((t) => t.rank)) + 1,
      monthlyPrice: null,
      yearlyPrice: null,
      currency: DEFAULT_CURRENCY,
      membersOnlyArticles: false,
      earlyAccess: false,
      earlyAccessMinutes: DEFAULT_EARLY_ACCESS_MINUTES,
      storeDiscount: false,
      storeDiscountPercent: DEFAULT_STORE_DISCOUNT_PERCENT,
      eventPriority: false,
      textPerks: [],
    };
  }
  const early = perkOf(tier.perks, 'early_access');
  const discount = perkOf(tier.perks, 'store_discount');
  return {
    name: tier.name,
    description: tier.description,
    rank: tier.rank,
    monthlyPrice: toMajor(tier.monthlyPriceMinor, tier.currency),
    yearlyPrice: toMajor(tier.yearlyPriceMinor, tier.currency),
    currency: tier.currency,
    membersOnlyArticles: Boolean(perkOf(tier.perks, 'members_only_articles')),
    earlyAccess: Boolean(early),
    earlyAccessMinutes: early?.minutes ?? DEFAULT_EARLY_ACCESS_MINUTES,
    storeDiscount: Boolean(discount),
    storeDiscountPercent: discount?.percent ?? DEFAULT_STORE_DISCOUNT_PERCENT,
    eventPriority: Boolean(perkOf(tier.perks, 'event_priority')),
    textPerks: tier.perks.flatMap((perk) => (perk.kind === 'text' ? [perk.text] : [])),
  };
}

/**
 * What the API takes, and for each perk sent the form field it came from (so a server error on
 * `perks.3.text` lands on the right input).
 */
export function toTierInput(values: TierFormValues): { input: TierInput; perkFields: FieldName[] } {
  const perks: Perk[] = [];
  const perkFields: FieldName[] = [];
  const add = (perk: Perk, field: FieldName) => {
    perks.push(perk);
    perkFields.push(field);
  };
  if (values.membersOnlyArticles) add({ kind: 'members_only_articles' }, ['membersOnlyArticles']);
  if (values.earlyAccess) add({ kind: 'early_access', minutes: values.earlyAccessMinutes ?? 0 }, ['earlyAccessMinutes']);
  if (values.storeDiscount) add({ kind: 'store_discount', percent: values.storeDiscountPercent ?? 0 }, ['storeDiscountPercent']);
  if (values.eventPriority) add({ kind: 'event_priority' }, ['eventPriority']);
  (values.textPerks ?? []).forEach((text, i) => {
    if (text?.trim()) add({ kind: 'text', text: text.trim() }, ['textPerks', i]);
  });
  const currency = values.currency || DEFAULT_CURRENCY;
  return {
    input: {
      name: values.name.trim(),
      description: (values.description ?? '').trim(),
      rank: values.rank,
      monthlyPriceMinor: toMinor(values.monthlyPrice ?? 0, currency),
      yearlyPriceMinor: toMinor(values.yearlyPrice ?? 0, currency),
      currency,
      perks,
    },
    perkFields,
  };
}

const DIRECT_FIELDS = new Set(['name', 'description', 'rank', 'currency']);

/** The form field a server field path names (`monthlyPriceMinor` → `monthlyPrice`, `perks.3.text` → `textPerks.1`); null when none does. */
export function toFormField(path: string[], perkFields: FieldName[]): FieldName | null {
  const [head, index] = path;
  if (head === 'monthlyPriceMinor') return ['monthlyPrice'];
  if (head === 'yearlyPriceMinor') return ['yearlyPrice'];
  if (head && DIRECT_FIELDS.has(head)) return [head];
  if (head === 'perks') return index === undefined ? ['textPerks'] : (perkFields[Number(index)] ?? ['textPerks']);
  return null;
}
