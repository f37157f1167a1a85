/** Where a follow came from, as the analytics group it. */
export const SOURCE_TYPES = ['direct', 'article', 'share', 'import'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export type BySource = Record<SourceType, number>;

/** Inclusive range of the channel's days, both `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

export interface GrowthDay {
  day: string;
  follows: BySource;
  unfollows: BySource;
  newFollows: number;
  lostFollows: number;
  net: number;
  /** Followers at the end of the day. */
  cumulative: number;
}

export interface Growth {
  from: string;
  to: string;
  /** The channel's time zone: each day runs midnight to midnight there. */
  timeZone: string;
  days: GrowthDay[];
  totals: { follows: BySource; unfollows: BySource; net: number };
}

export interface SourceQuality {
  source: SourceType;
  fans: number;
  /** Fans whose first follow is old enough to measure retention. */
  matureFans: number;
  retained: number;
  /** retained / matureFans (0–1), or null when no fan is mature yet. */
  retentionRate: number | null;
}

export interface Quality {
  retentionDays: number;
  sources: SourceQuality[];
}
