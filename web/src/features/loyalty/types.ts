/** Counted facts about a fan that the ladder's rules read. */
export const SIGNALS = [
  'unique_reads',
  'days_active',
  'shares',
  'days_since_active',
  'fans_referred',
  'purchases',
  'membership_months',
  'community_posts',
] as const;
export type Signal = (typeof SIGNALS)[number];

/** Signals nothing records yet (their areas have not shipped): always 0, so a rule on them can't be met. */
export const UNRECORDED_SIGNALS: readonly Signal[] = ['fans_referred', 'purchases', 'membership_months', 'community_posts'];

/** `days_since_active` when the fan was never active. */
export const NEVER_ACTIVE = 100_000;

export type RuleOp = 'gte' | 'lte';
export const RULE_LEVELS = [1, 2, 3, 4] as const;

export interface LoyaltyRule {
  level: number;
  signal: Signal;
  op: RuleOp;
  threshold: number;
}

export interface LoyaltyRules {
  rules: LoyaltyRule[];
  graceDays: number;
}

/** A rule with one fan's value for its signal. */
export interface RuleResult extends LoyaltyRule {
  value: number;
  met: boolean;
}

export type LevelName = 'follower' | 'reader' | 'engaged' | 'loyal' | 'super_fan';

/** A fan's level explained: each rule with the fan's value, and what the next level needs. */
export interface FanLoyalty {
  level: number;
  levelName: LevelName;
  levelSince: string | null;
  /** Set while a super fan who no longer qualifies keeps level 4. */
  graceUntil: string | null;
  signals: Partial<Record<Signal, number>>;
  rules: RuleResult[];
  missingForNext: RuleResult[];
}

export interface RankedFanPerson {
  id: string;
  email: string;
  displayName: string;
  status: 'following' | 'unfollowed' | 'never_followed';
  followingSince: string | null;
  createdAt: string;
}

export interface RankedFan {
  fan: RankedFanPerson;
  level: number;
  levelSince: string | null;
  graceUntil: string | null;
  /** How far from level 4 (0 = qualifies): the sum of each unmet rule's shortfall ratio. */
  distance: number;
  signals: Partial<Record<Signal, number>>;
  /** Every rule of levels 1–4 the fan does not meet. */
  missing: RuleResult[];
}

export interface SuperFans {
  superFans: RankedFan[];
  superFanCount: number;
  candidates: RankedFan[];
}

export interface Funnel {
  levels: Array<{ level: number; levelName: LevelName; fans: number }>;
  last30Days: { up: number; down: number };
}

export interface RecomputeResult {
  fans: number;
  changed: number;
  seconds: number;
}
