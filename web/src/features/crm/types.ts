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
