import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Channel } from '../types';

export function getChannel(): Promise<Channel> {
  return apiFetch<Channel>('/api/channel');
}

export function useChannel() {
  return useQuery({ queryKey: queryKeys.channel, queryFn: getChannel });
}
