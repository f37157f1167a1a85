import type { GrowthDto, QualityDto } from '@server/modules/insights/insights.schemas.ts';

/** Where a follow came from, as the analytics group it. */
export const SOURCE_TYPES = ['direct', 'article', 'share', 'import'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export type BySource = Record<SourceType, number>;

/** Inclusive range of the channel's days, both `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** The growth chart's answer: per day and source, in the channel's time zone. */
export type Growth = GrowthDto;
export type GrowthDay = Growth['days'][number];
/** Which sources bring fans who stay: retention per acquisition source. */
export type Quality = QualityDto;
export type SourceQuality = Quality['sources'][number];
