import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FanFestival } from '../types';

export function getFestival(slug: string): Promise<FanFestival> {
  return apiFetch<FanFestival>(`/api/festivals/${encodeURIComponent(slug)}`);
}

/** From a minute before the reader's opening until the end the remaining quota is read every 3 s. */
const liveFrom = 60_000;

/** One published festival as the reader sees it; the live remaining every 3 s while the sale is on (or about to be), else every 15 s. */
export function useFestival(slug: string) {
  return useQuery({
    queryKey: queryKeys.festival(slug),
    queryFn: () => getFestival(slug),
    refetchInterval: (query) => {
      const f = query.state.data;
      if (!f) return 15_000;
      const now = new Date(f.serverTime).getTime() + (Date.now() - query.state.dataUpdatedAt);
      const live = now >= new Date(f.eligibility.opensAt).getTime() - liveFrom && now < new Date(f.endsAt).getTime();
      return live ? 3_000 : 15_000;
    },
  });
}
