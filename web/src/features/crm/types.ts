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

/** Why the server rejects an import row: its stable codes, each with a translated text (`importFans.reasons.*`). */
export const IMPORT_ERROR_CODES = [
  'invalid_email',
  'display_name_too_long',
  'invalid_followed_at',
  'followed_at_in_future',
  'invalid_tag',
  'too_many_tags',
  'duplicate_row',
  'malformed_csv',
  'not_stored',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** One rejected row. `code` may be one this console does not know yet (a newer server): then `reason` is shown. */
export interface ImportRowError {
  line: number;
  email: string | null;
  code: string;
  /** Values for the translated text: the column, a limit, the line a duplicate repeats. */
  params?: { field?: string; max?: number; line?: number };
  /** The same in English. */
  reason: string;
}

/** What a CSV import did: rows read, fans created, already there, rejected (the first 1,000 listed). */
export interface ImportReport {
  rows: number;
  created: number;
  existing: number;
  rejected: number;
  errors: ImportRowError[];
}

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
