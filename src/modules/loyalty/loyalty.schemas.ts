import { z } from 'zod';
import { int4Field } from '../../core/bounds.ts';
import { isoDate } from '../../core/fields.ts';
import { pageOf } from '../../core/pagination.ts';
import { fanListItemDto } from '../fans/fans.schemas.ts';
import { jobRunDto } from '../../platform/jobs/jobs.schemas.ts';
import { FAN_MEMBERSHIP_STATUSES, SIGNALS } from './loyalty.table.ts';

export { FAN_MEMBERSHIP_STATUSES };
import { LEVEL_NAMES } from './loyalty-ladder.ts';

export const ruleDto = z.object({
  level: int4Field(1, 4),
  signal: z.enum(SIGNALS),
  op: z.enum(['gte', 'lte']).default('gte'),
  threshold: int4Field(0, 1_000_000),
});

export const rulesBody = z
  .object({ rules: z.array(ruleDto).max(64), graceDays: int4Field(0, 365) })
  .refine((b) => new Set(b.rules.map((r) => `${r.level}|${r.signal}`)).size === b.rules.length, {
    path: ['rules'],
    message: 'each signal may appear once per level',
    params: { issue: 'duplicate' },
  });
export type RulesInput = z.infer<typeof rulesBody>;
export const rulesDto = z.object({
  rules: z.array(ruleDto),
  graceDays: z.number().int(),
  /** The latest re-levelling of every fan (a rule change starts one). */
  relevel: jobRunDto.nullable(),
});

/** A signal's value; days_since_active is null for a fan who was never active. */
const signalValue = z.number().nullable();
const ruleResultDto = ruleDto.extend({ value: signalValue, met: z.boolean() });

export const levelEnum = z.enum(LEVEL_NAMES);

export const loyaltyExplanationDto = z.object({
  level: z.number().int(),
  levelName: levelEnum,
  levelSince: isoDate.nullable(),
  graceUntil: isoDate.nullable(),
  signals: z.record(z.enum(SIGNALS), signalValue),
  /** The fan's store purchases (orders paid, not fully refunded) and spend in the store's currency. */
  store: z.object({
    purchases: z.number().int(),
    spend: z.object({ amountMinor: z.number().int(), currency: z.string() }),
    firstPurchaseAt: isoDate.nullable(),
    lastPurchaseAt: isoDate.nullable(),
  }),
  rules: z.array(ruleResultDto),
  missingForNext: z.array(ruleResultDto),
});
export type LoyaltyExplanationDto = z.infer<typeof loyaltyExplanationDto>;

export const rankedFanDto = z.object({
  fan: fanListItemDto,
  level: z.number().int(),
  graceUntil: isoDate.nullable(),
  levelSince: isoDate.nullable(),
  distance: z.number(),
  signals: z.record(z.enum(SIGNALS), signalValue),
  missing: z.array(ruleResultDto),
});
export const rankedFanPage = pageOf(rankedFanDto);

export const funnelDto = z.object({
  levels: z.array(z.object({ level: z.number().int(), levelName: levelEnum, fans: z.number().int() })),
  last30Days: z.object({ up: z.number().int(), down: z.number().int() }),
});

export const loyaltyJobsDto = z.object({
  relevel: jobRunDto.nullable(),
  recompute: jobRunDto.nullable(),
  lastRecompute: jobRunDto.nullable(),
});

// Types of what the API answers, for the web app (`import type` only: no server code reaches it).
export type RuleDto = z.infer<typeof ruleDto>;
export type RuleResultDto = z.infer<typeof ruleResultDto>;
export type RulesDto = z.infer<typeof rulesDto>;
export type RankedFanDto = z.infer<typeof rankedFanDto>;
export type RankedFanPageDto = z.infer<typeof rankedFanPage>;
export type FunnelDto = z.infer<typeof funnelDto>;
export type LoyaltyJobsDto = z.infer<typeof loyaltyJobsDto>;
