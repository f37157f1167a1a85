import type { SegmentDto, SegmentFilter as SegmentFilterDto } from '@server/modules/segments/segments.schemas.ts';
import type { FanListItemDto, FanStatsDto } from '@server/modules/fans/fans.schemas.ts';
import type { FanImportDto, ImportReport as ImportReportDto } from '@server/workflows/fan-import.schemas.ts';

export const FAN_STATUSES = ['following', 'unfollowed', 'never_followed'] as const;
export type FanStatus = (typeof FAN_STATUSES)[number];

/** A fan's membership as segments filter on it: `never` (not yet a member) or its status now. */
export const FAN_MEMBERSHIP_STATUSES = ['never', 'active', 'canceled', 'past_due', 'expired'] as const;
export type FanMembershipStatus = (typeof FAN_MEMBERSHIP_STATUSES)[number];
/** At most this many tiers in one filter. */
export const MAX_FILTER_TIERS = 20;

/** A fan as staff see them in the fan list and on the fan page. */
export type FanListItem = FanListItemDto;

export interface FanListParams {
  q?: string;
  status?: FanStatus;
  page: number;
  pageSize: number;
}

export interface FanListPage {
  items: FanListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type FanStats = FanStatsDto;

/** What a CSV import did: rows read, fans created, already there, rejected (the first 1,000 listed). */
export type ImportReport = ImportReportDto;
/** One rejected row: a stable `code` (translated as `importFans.reasons.<code>`) and the English `reason`. */
export type ImportRowError = ImportReport['errors'][number];

export interface TagCount {
  tag: string;
  fans: number;
}

/** A tag: 1–40 characters, none of the CSV separators , ; | and no line breaks. */
export const TAG_PATTERN = /^[^,;|\r\n]+$/;
export const TAG_MAX_LENGTH = 40;

/**
 * The saved filter behind a segment. Every field narrows; an empty field is left out, never sent
 * empty. First-follow dates are the channel's days, inclusive; `tags`: fans with every one of them.
 */
export type SegmentFilter = SegmentFilterDto;

/** A saved segment with the number of fans matching right now. */
export type Segment = SegmentDto;

export interface SegmentInput {
  name: string;
  filter: SegmentFilter;
}

/** A CSV import run in the background: its progress, then its report (or why the file was refused). */
export type FanImport = FanImportDto;
