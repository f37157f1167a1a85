import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStreamStatus } from '../api/get-stream-status';
import { pendingFor, type StreamConsumer } from '../types';

interface FiguresCatchingUpProps {
  /** The consumers whose figures the page shows. */
  consumers: readonly StreamConsumer[];
  /** The page's figures (query keys or key prefixes): refreshed once the consumers have caught up. */
  refresh: readonly QueryKey[];
  /** Another notice already says the figures are moving: keep watching and refreshing, show nothing. */
  hidden?: boolean;
}

/**
 * Says so while recent activities are not counted in the page's figures yet, rather than letting
 * them pass for current; when the consumers catch up, the figures are fetched again.
 */
export function FiguresCatchingUp({ consumers, refresh, hidden = false }: FiguresCatchingUpProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useStreamStatus(consumers);
  const pending = pendingFor(status.data, consumers);
  const behind = pending > 0;

  // Acts on the change from behind to caught up only (this runs again when the page passes new keys).
  const wasBehind = useRef(false);
  useEffect(() => {
    if (wasBehind.current && !behind) {
      for (const queryKey of refresh) void queryClient.invalidateQueries({ queryKey });
    }
    wasBehind.current = behind;
  }, [behind, queryClient, refresh]);

  if (!behind || hidden) return null;
  return <Alert type="info" showIcon title={t('stream.catchingUp', { count: pending })} data-testid="figures-catching-up" />;
}
