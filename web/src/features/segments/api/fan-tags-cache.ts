import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/** After a tag change: keep the fan's tags the server sent back; tag counts and segment counts move. */
export function afterFanTagsWrite(queryClient: QueryClient, fanId: string, tags: string[]): void {
  queryClient.setQueryData(queryKeys.consoleFanTags(fanId), { tags });
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleTags });
  void queryClient.invalidateQueries({ queryKey: queryKeys.consoleSegments });
}
