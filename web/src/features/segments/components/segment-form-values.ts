import dayjs, { type Dayjs } from 'dayjs';
import { toMajor, toMinor } from '../../../lib/format-money';
import {
  FAN_MEMBERSHIP_STATUSES,
  FAN_STATUSES,
  MAX_FILTER_TIERS,
  TAG_MAX_LENGTH,
  TAG_PATTERN,
  type FanMembershipStatus,
  type FanStatus,
  type Segment,
  type SegmentFilter,
  type SegmentInput,
} from '../../segments/types';

/** The segment drawer's fields. Empty ones are left out of the filter the API gets. */
export interface SegmentFormValues {
  name: string;
  status: FanStatus[];
  levels: number[];
  membership: FanMembershipStatus[];
  tierIds: string[];
  followed: [Dayjs | null, Dayjs | null] | null;
  activeWithinDays: number | null;
  inactiveForDays: number | null;
  /** Spend in the store, in yuan (the API takes fen). */
  spendMin: number | null;
  spendMax: number | null;
  purchasedWithinDays: number | null;
  lastPurchaseBefore: Dayjs | null;
  neverPurchased: boolean;
  tags: string[];
  q: string;
}

export const MAX_FILTER_TAGS = 10;
export const MAX_DAYS = 3650;
/** The largest spend a filter names, in yuan (the API's bound is in fen). */
export const MAX_SPEND = 1_000_000_000;
const DAY = 'YYYY-MM-DD';

export const EMPTY_SEGMENT: SegmentFormValues = {
  name: '',
  status: [],
  levels: [],
  membership: [],
  tierIds: [],
  followed: null,
  activeWithinDays: null,
  inactiveForDays: null,
  spendMin: null,
  spendMax: null,
  purchasedWithinDays: null,
  lastPurchaseBefore: null,
  neverPurchased: false,
  tags: [],
  q: '',
};

export function isValidTag(tag: string): boolean {
  const trimmed = tag.trim();
  return trimmed.length > 0 && trimmed.length <= TAG_MAX_LENGTH && TAG_PATTERN.test(trimmed);
}

const positive = (value: number | null | undefined) => (typeof value === 'number' && value >= 1 ? Math.floor(value) : undefined);

/** Only the fields that narrow: the API rejects empty arrays and unknown fields. Sorted, so equal filters look equal. */
export function toFilter(values: Partial<SegmentFormValues> | undefined): SegmentFilter {
  const filter: SegmentFilter = {};
  if (!values) return filter;
  const status = FAN_STATUSES.filter((s) => values.status?.includes(s));
  if (status.length > 0) filter.status = status;
  const levels = [...new Set(values.levels ?? [])].sort((a, b) => a - b);
  if (levels.length > 0) filter.levels = levels;
  const membership = FAN_MEMBERSHIP_STATUSES.filter((s) => values.membership?.includes(s));
  if (membership.length > 0) filter.membership = membership;
  const tierIds = [...new Set(values.tierIds ?? [])].sort();
  if (tierIds.length > 0) filter.tierIds = tierIds;
  const [from, to] = values.followed ?? [];
  if (from) filter.followedFrom = from.format(DAY);
  if (to) filter.followedTo = to.format(DAY);
  const active = positive(values.activeWithinDays);
  if (active) filter.activeWithinDays = active;
  const inactive = positive(values.inactiveForDays);
  if (inactive) filter.inactiveForDays = inactive;
  // A minimum of 0 narrows nothing; a maximum of 0 is "spent nothing".
  if (typeof values.spendMin === 'number' && values.spendMin > 0) filter.spendMinMinor = toMinor(values.spendMin);
  if (typeof values.spendMax === 'number' && values.spendMax >= 0) filter.spendMaxMinor = toMinor(values.spendMax);
  const bought = positive(values.purchasedWithinDays);
  if (bought) filter.purchasedWithinDays = bought;
  if (values.lastPurchaseBefore) filter.lastPurchaseBefore = values.lastPurchaseBefore.format(DAY);
  if (values.neverPurchased) filter.neverPurchased = true;
  const tags = [...new Set((values.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
  if (tags.length > 0) filter.tags = tags;
  const q = values.q?.trim();
  if (q) filter.q = q;
  return filter;
}

/** False when the API would refuse the filter (the fields show why). */
export function isSendable(filter: SegmentFilter): boolean {
  return (
    (filter.tags ?? []).every(isValidTag) &&
    (filter.tags?.length ?? 0) <= MAX_FILTER_TAGS &&
    (filter.tierIds?.length ?? 0) <= MAX_FILTER_TIERS &&
    (filter.spendMinMinor === undefined || filter.spendMaxMinor === undefined || filter.spendMinMinor <= filter.spendMaxMinor) &&
    (filter.q?.length ?? 0) <= 100
  );
}

export function toFormValues(segment: Segment | undefined): SegmentFormValues {
  if (!segment) return EMPTY_SEGMENT;
  // A filter that no longer parses comes back null: the form starts empty for a new one.
  const f = segment.filter ?? {};
  return {
    name: segment.name,
    status: f.status ?? [],
    levels: f.levels ?? [],
    membership: f.membership ?? [],
    tierIds: f.tierIds ?? [],
    followed: f.followedFrom || f.followedTo ? [f.followedFrom ? dayjs(f.followedFrom) : null, f.followedTo ? dayjs(f.followedTo) : null] : null,
    activeWithinDays: f.activeWithinDays ?? null,
    inactiveForDays: f.inactiveForDays ?? null,
    spendMin: f.spendMinMinor !== undefined ? toMajor(f.spendMinMinor) : null,
    spendMax: f.spendMaxMinor !== undefined ? toMajor(f.spendMaxMinor) : null,
    purchasedWithinDays: f.purchasedWithinDays ?? null,
    lastPurchaseBefore: f.lastPurchaseBefore ? dayjs(f.lastPurchaseBefore) : null,
    neverPurchased: f.neverPurchased ?? false,
    tags: f.tags ?? [],
    q: f.q ?? '',
  };
}

export function toSegmentInput(values: SegmentFormValues): SegmentInput {
  return { name: values.name.trim(), filter: toFilter(values) };
}
