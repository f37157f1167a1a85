import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { ChannelSettings } from '../types';

export function getChannelSettings(): Promise<ChannelSettings> {
  return apiFetch<ChannelSettings>('/api/admin/channel');
}

export function useChannelSettings({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.consoleChannel, queryFn: getChannelSettings, enabled });
}
