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


export type RuleOp = 'gte' | 'lte';
export const RULE_LEVELS = [1, 2, 3, 4] as const;

export interface LoyaltyRule {
  level: number;
  signal: Signal;
  op: RuleOp;
  threshold: number;
}

/** What staff send to replace the ladder. */
export interface LoyaltyRulesInput {
  rules: LoyaltyRule[];
  graceDays: number;
}

/** One background job run: queued, running with progress, or finished with a result or an error. */
export interface JobRun {
  id: string;
  name: 'loyalty.relevel' | 'loyalty.recompute' | (string & {});
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** "staff:<id>", "schedule", "cli" or "retry". */
  requestedBy: string;
  done: number;
  total: number | null;
  result: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const isActiveRun = (run: JobRun | null | undefined): run is JobRun => run?.status === 'queued' || run?.status === 'running';

export interface LoyaltyRules extends LoyaltyRulesInput {
  /** The latest re-levelling of every fan (saving rules starts one). */
  relevel: JobRun | null;
}

export interface LoyaltyJobs {
  relevel: JobRun | null;
  recompute: JobRun | null;
  lastRecompute: JobRun | null;
}

/** A rule with one fan's value for its signal. */
export interface RuleResult extends LoyaltyRule {
  /** null: days_since_active of a fan who was never active. */
  value: number | null;
  met: boolean;
}

export type LevelName = 'newcomer' | 'reader' | 'engaged' | 'loyal' | 'super_fan';

/** A fan's level explained: each rule with the fan's value, and what the next level needs. */
export interface FanLoyalty {
  level: number;
  levelName: LevelName;
  levelSince: string | null;
  /** Set while a super fan who no longer qualifies keeps level 4. */
  graceUntil: string | null;
  signals: Partial<Record<Signal, number | null>>;
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
  signals: Partial<Record<Signal, number | null>>;
  /** Every rule of levels 1–4 the fan does not meet. */
  missing: RuleResult[];
}

export interface RankedFanPage {
  items: RankedFan[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Funnel {
  levels: Array<{ level: number; levelName: LevelName; fans: number }>;
  last30Days: { up: number; down: number };
}
