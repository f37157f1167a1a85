import type {
  AdminFestivalDto,
  AdminFestivalItemDto,
  EligibilityDto,
  FanFestivalDto,
  FanFestivalItemDto,
  FanFestivalSummaryDto,
} from '@server/modules/festival/festival.schemas.ts';
import type { AttemptResultDto, ChallengeAnswerDto, FestivalBoardDto } from '@server/modules/festival/festival-attempts.schemas.ts';
import type { FestivalReportDto } from '@server/modules/festival/festival-report.schemas.ts';

export const FESTIVAL_STATUSES = ['draft', 'published', 'canceled'] as const;
export type FestivalStatus = (typeof FESTIVAL_STATUSES)[number];

/** A festival as staff see it: details, items with their variants, reservations per item (the demand forecast). */
export type AdminFestival = AdminFestivalDto;
export type AdminFestivalItem = AdminFestivalItemDto;
/** What the console sends for a festival's details (instants as ISO strings). */
export type FestivalInput = {
  name: string;
  slug: string;
  descriptionMarkdown: string;
  startsAt: string;
  endsAt: string;
  requiresReservation: boolean;
  reservationsCloseAt: string | null;
};
export type ItemTerms = { priceMinor: number; quota: number; perFanLimit: number; position?: number };

/** A published festival as the reader sees it. */
export type FanFestival = FanFestivalDto;
export type FanFestivalItem = FanFestivalItemDto;
export type FanFestivalSummary = FanFestivalSummaryDto;
export type Eligibility = EligibilityDto;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
/** A purchase attempt's answer (200); busy, the bot checks and bad input answer errors. */
export type AttemptResult = AttemptResultDto;
/** A solved ALTCHA challenge, sent back with the attempt it was asked for. */
export type ChallengeAnswer = ChallengeAnswerDto;

/** The live board: the attempts' figures (last 60 seconds, totals, answer times), units sold and left per item. */
export type FestivalBoard = FestivalBoardDto;
/** The after-festival report: the funnel per item and in total, by tier and loyalty level. */
export type FestivalReport = FestivalReportDto;
