// The API's answers are the server's own zod DTO types (type-only imports: no server code is bundled).
import type { JobRunDto } from '@server/platform/jobs/jobs.schemas.ts';
import type {
  FunnelDto,
  LoyaltyExplanationDto,
  LoyaltyJobsDto,
  RankedFanDto,
  RankedFanPageDto,
  RuleDto,
  RuleResultDto,
  RulesDto,
} from '@server/modules/loyalty/loyalty.schemas.ts';

/** Counted facts about a fan that the ladder's rules read. */
export const SIGNALS = [
  'unique_reads',
  'days_active',
  'shares',
  'days_since_active',
  'fans_referred',
  'purchases',
  'spend',
  'membership_months',
  'membership_rank',
  'community_posts',
] as const;
export type Signal = (typeof SIGNALS)[number];

/** Signals nothing records yet (their areas have not shipped): always 0, so a rule on them can't be met. */
export const UNRECORDED_SIGNALS: readonly Signal[] = ['fans_referred', 'community_posts'];

/** The rank of the membership tier a fan holds now (0: none): its rules name a tier ("Gold or above"). */
export const TIER_RANK_SIGNAL: Signal = 'membership_rank';

export type RuleOp = 'gte' | 'lte';
export const RULE_LEVELS = [1, 2, 3, 4] as const;

export type LoyaltyRule = RuleDto;

/** What staff send to replace the ladder. */
export interface LoyaltyRulesInput {
  rules: LoyaltyRule[];
  graceDays: number;
}

/** One background job run: queued, running with progress, or finished with a result or an error. */
export type JobRun = JobRunDto;

export const isActiveRun = (run: JobRun | null | undefined): run is JobRun => run?.status === 'queued' || run?.status === 'running';

/** The ladder and the latest re-levelling of every fan (saving rules starts one). */
export type LoyaltyRules = RulesDto;
export type LoyaltyJobs = LoyaltyJobsDto;

/** A rule with one fan's value for its signal (null: days_since_active of a fan never active). */
export type RuleResult = RuleResultDto;
export type LevelName = FanLoyalty['levelName'];
/** A fan's level explained: each rule with the fan's value, and what the next level needs. */
export type FanLoyalty = LoyaltyExplanationDto;
export type RankedFan = RankedFanDto;
export type RankedFanPerson = RankedFanDto['fan'];
export type RankedFanPage = RankedFanPageDto;
/** Fans per level, and how many moved up or down in the last 30 days. */
export type Funnel = FunnelDto;
