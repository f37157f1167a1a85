import type { RevenueReportDto } from '@server/modules/revenue/revenue.schemas.ts';

/** The revenue report: per UTC month by source, per 1,000 followers, memberships, ads or members. */
export type RevenueReport = RevenueReportDto;
export type RevenueMonth = RevenueReport['months'][number];
export type MembershipMonth = RevenueReport['memberships']['months'][number];
export type AdsOrMembers = RevenueReport['adsOrMembers'];

/** Inclusive range of UTC months, both `YYYY-MM`. */
export interface MonthRange {
  from: string;
  to: string;
}

export type RevenueParams = MonthRange & { currency: string };
