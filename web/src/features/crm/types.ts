import type { ImportReport as ImportReportDto } from '@server/workflows/fan-import.schemas.ts';

export const FAN_STATUSES = ['following', 'unfollowed', 'never_followed'] as const;
export type FanStatus = (typeof FAN_STATUSES)[number];

/** A fan as staff see them in the fan list and on the fan page. */
export interface FanListItem {
  id: string;
  email: string;
  displayName: string;
  status: FanStatus;
  followingSince: string | null;
  createdAt: string;
}

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

export interface FanStats {
  fans: number;
  followers: number;
}

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

/** The saved filter behind a segment. Every field narrows; an empty field is left out, never sent empty. */
export interface SegmentFilter {
  status?: FanStatus[];
  levels?: number[];
  /** First follow between these days (the channel's time zone), inclusive (`YYYY-MM-DD`). */
  followedFrom?: string;
  followedTo?: string;
  activeWithinDays?: number;
  inactiveForDays?: number;
  /** Fans with every one of these tags. */
  tags?: string[];
  q?: string;
}

export interface Segment {
  id: string;
  name: string;
  filter: SegmentFilter;
  /** Fans matching right now. */
  count: number;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentInput {
  name: string;
  filter: SegmentFilter;
}
