import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/** After any membership write: tiers (their counts), the members list and fans' memberships. */
export function afterMembershipWrite(queryClient: QueryClient, fanId?: string) {
  const done = [queryClient.invalidateQueries({ queryKey: queryKeys.consoleMemberships })];
  // A comp or a refund is recorded on the fan's timeline too.
  if (fanId) done.push(queryClient.invalidateQueries({ queryKey: queryKeys.consoleFanActivities(fanId) }));
  return Promise.all(done);
}
