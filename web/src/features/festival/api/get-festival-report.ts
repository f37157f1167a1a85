import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FestivalReport } from '../types';

export function getFestivalReport(id: string): Promise<FestivalReport> {
  return apiFetch<FestivalReport>(`/api/admin/festivals/${encodeURIComponent(id)}/report`);
}

/** Where the browser downloads the same report as CSV. */
export const festivalReportCsvUrl = (id: string) => `/api/admin/festivals/${encodeURIComponent(id)}/report.csv`;

/** The after-festival report: the funnel per item and in total, by tier and by level. */
export function useFestivalReport(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.consoleFestivalReport(id ?? ''), queryFn: () => getFestivalReport(id!), enabled: Boolean(id) });
}
