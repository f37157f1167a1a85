import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/** After fans were re-levelled: levels show in the funnel, on fan pages (and their timelines) and in segment counts. */
export function afterRelevel(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([queryKeys.consoleLoyalty, queryKeys.consoleFans, queryKeys.consoleSegments].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
