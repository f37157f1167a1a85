import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ChannelSettings, ChannelSettingsInput } from '../types';

export function updateChannelSettings(input: ChannelSettingsInput): Promise<ChannelSettings> {
  return apiFetch<ChannelSettings>('/api/admin/channel', { method: 'PUT', body: input });
}

export function useUpdateChannelSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateChannelSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.consoleChannel, settings);
      void queryClient.invalidateQueries({ queryKey: queryKeys.channel });
      // The ads vs original comparison states the attribution window.
      void queryClient.invalidateQueries({ queryKey: queryKeys.consoleArticleComparison });
      // Days follow the channel's time zone: charts and dated segment counts move with it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.consoleInsights });
      void queryClient.invalidateQueries({ queryKey: queryKeys.consoleSegments });
    },
  });
}
