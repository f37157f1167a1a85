import { HeartFilled, HeartOutlined } from '@ant-design/icons';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TimelineItemProps as TimelineItemType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import { useErrorText } from '../../../lib/use-api-error';
import type { Activity, ActivityPage } from '../types';
import { useActivityText } from './use-activity-text';

interface ActivityTimelineProps {
  query: UseInfiniteQueryResult<InfiniteData<ActivityPage, unknown>>;
  emptyText: string;
}

const KIND_STYLE: Record<string, Pick<TimelineItemType, 'color' | 'icon'>> = {
  followed: { color: 'green', icon: <HeartFilled style={{ color: '#52c41a' }} /> },
  unfollowed: { color: 'gray', icon: <HeartOutlined style={{ color: '#8c8c8c' }} /> },
};

function byNewest(a: Activity, b: Activity): number {
  return new Date(b.occurredAt).getTime() - new Date(a.occurredAt).getTime();
}

/** A fan's activities, newest first, with "load more" paging by cursor. */
export function ActivityTimeline({ query, emptyText }: ActivityTimelineProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const errorText = useErrorText();
  const { kindLabel, sourceLabel } = useActivityText();

  const activities = useMemo(() => {
    const seen = new Set<string>();
    const all = (query.data?.pages ?? []).flatMap((page) => page.items).filter((item) => {
      if (seen.has(item.id)) return false;
      seen.add(item.id);
      return true;
    });
    return all.sort(byNewest);
  }, [query.data]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (query.isError && activities.length === 0) {
    return <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(query.error)} />;
  }
  if (activities.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  const items: TimelineItemType[] = activities.map((activity) => {
    const label = kindLabel(activity.kind);
    const source = sourceLabel(activity.source);
    return {
      key: activity.id,
      ...(KIND_STYLE[activity.kind] ?? { color: 'blue' }),
      content: (
        <Flex vertical gap={2} data-testid="activity-item">
          <Flex wrap gap={8} align="center">
            {label ? <Typography.Text strong>{label}</Typography.Text> : <Typography.Text code>{activity.kind}</Typography.Text>}
            {source ? (
              <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                {t('activity.via', { source })}
              </Tag>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dateTime(activity.occurredAt)}
          </Typography.Text>
        </Flex>
      ),
    };
  });

  return (
    <>
      <Timeline items={items} />
      {query.hasNextPage ? (
        <Flex justify="center">
          <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="activities-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : activities.length > 5 ? (
        <Flex justify="center">
          <Typography.Text type="secondary">{t('activity.end')}</Typography.Text>
        </Flex>
      ) : null}
    </>
  );
}
