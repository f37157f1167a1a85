import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface TagFansResult {
  tagged: number;
  alreadyTagged: number;
}

/** One tag on many fans (up to 500), all or nothing. */
export function tagFans(input: { tag: string; fanIds: string[] }): Promise<TagFansResult> {
  return apiFetch<TagFansResult>('/api/admin/fans/tags', { method: 'POST', body: input });
}

export function useTagFans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: tagFans,
    onSuccess: (_result, { fanIds }) => {
      for (const fanId of fanIds) void queryClient.invalidateQueries({ queryKey: queryKeys.consoleFanTags(fanId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.consoleTags });
      void queryClient.invalidateQueries({ queryKey: queryKeys.consoleSegments });
    },
  });
}
