import {
  FallOutlined,
  HeartFilled,
  HeartOutlined,
  IdcardOutlined,
  ReadOutlined,
  RightOutlined,
  RiseOutlined,
  ShareAltOutlined,
} from '../../../components/ui/icons';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TimelineItemProps as TimelineItemType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { useDateFormat } from '../../../lib/format-date';
import { useErrorText } from '../../../lib/use-api-error';
import type { Activity, ActivityPage } from '../types';
import { isMembershipKind, levelMove, useActivityText, type TimelineAudience } from './use-activity-text';

interface ActivityTimelineProps {
  query: UseInfiniteQueryResult<InfiniteData<ActivityPage, unknown>>;
  emptyText: string;
  /** Where an activity's article opens (console editor or fan site page); no link without it. */
  articleHref?: (articleId: string) => string;
  /** `fan`: the fan's own timeline, in fan-facing words (no CRM levels' jargon, no share codes). */
  audience?: TimelineAudience;
}

const KIND_STYLE: Record<string, Pick<TimelineItemType, 'color' | 'icon'>> = {
  followed: { color: 'green', icon: <HeartFilled style={{ color: '#52c41a' }} /> },
  unfollowed: { color: 'gray', icon: <HeartOutlined style={{ color: '#8c8c8c' }} /> },
  read: { color: 'blue', icon: <ReadOutlined style={{ color: '#1677ff' }} /> },
  shared: { color: 'purple', icon: <ShareAltOutlined style={{ color: '#722ed1' }} /> },
};
const LEVEL_UP: Pick<TimelineItemType, 'color' | 'icon'> = { color: 'gold', icon: <RiseOutlined style={{ color: '#d48806' }} /> };
const LEVEL_DOWN: Pick<TimelineItemType, 'color' | 'icon'> = { color: 'gray', icon: <FallOutlined style={{ color: '#8c8c8c' }} /> };
const MEMBERSHIP: Pick<TimelineItemType, 'color' | 'icon'> = { color: 'gold', icon: <IdcardOutlined style={{ color: '#d48806' }} /> };

function styleOf(activity: Activity): Pick<TimelineItemType, 'color' | 'icon'> {
  const move = levelMove(activity);
  if (move) return move.to > move.from ? LEVEL_UP : LEVEL_DOWN;
  if (isMembershipKind(activity.kind)) return MEMBERSHIP;
  return KIND_STYLE[activity.kind] ?? { color: 'blue' };
}

/** "Via: Direct" says something only for a follow; on reads, shares and unfollows it is noise. */
function showsSource(activity: Activity): boolean {
  return Boolean(activity.source) && (activity.source !== 'direct' || activity.kind === 'followed');
}

function byNewest(a: Activity, b: Activity): number {
  return new Date(b.occurredAt).getTime() - new Date(a.occurredAt).getTime();
}

/** A fan's activities, newest first, with "load more" paging by cursor. */
export function ActivityTimeline({ query, emptyText, articleHref, audience = 'staff' }: ActivityTimelineProps) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const errorText = useErrorText();
  const { kindLabel, sourceLabel } = useActivityText(audience);

  const activities = useMemo(() => {
    const seen = new Set<string>();
    const all = (query.data?.pages ?? [])
      .flatMap((page) => page.items)
      .filter((item) => {
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
    const label = kindLabel(activity);
    const source = showsSource(activity) ? sourceLabel(activity.source) : null;
    const shareCode = audience === 'staff' && activity.kind === 'shared' && typeof activity.data.code === 'string' ? activity.data.code : null;
    return {
      key: activity.id,
      ...styleOf(activity),
      content: (
        <Flex vertical gap={2} data-testid="activity-item">
          <Flex wrap gap={8} align="center">
            {label ? <Typography.Text strong>{label}</Typography.Text> : <Typography.Text code>{activity.kind}</Typography.Text>}
            {activity.kind === 'read' && activity.data.first === true ? (
              <Tag color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
                {t('activity.firstRead')}
              </Tag>
            ) : null}
            {shareCode ? (
              <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                {t('activity.source.share', { ref: shareCode })}
              </Tag>
            ) : null}
            {source ? (
              <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                {source}
              </Tag>
            ) : null}
          </Flex>
          <Flex wrap gap={12} align="baseline">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dateTime(activity.occurredAt)}
            </Typography.Text>
            {activity.articleId && articleHref ? (
              <span style={{ fontSize: 12 }}>
                <RouterLink to={articleHref(activity.articleId)} testId="activity-article-link">
                  {t('activity.viewArticle')} <RightOutlined style={{ fontSize: 9 }} />
                </RouterLink>
              </span>
            ) : null}
          </Flex>
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
