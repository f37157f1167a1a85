import { Card, Flex, Grid, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDateFormat } from '../../../lib/format-date';
import type { ArticleSummary } from '../types';
import { ArticleCover } from './article-cover';
import { AdLabel, MembersBadge } from './article-tags';

/** One article in the fan site's feed: cover, title, summary, date and, for an ad, who paid; a members-only one says so (with a lock when locked). */
export function ArticleCard({ article }: { article: ArticleSummary }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.sm);
  const href = `/articles/${article.id}`;

  const open = (event: MouseEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <Card hoverable styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden', position: 'relative' }} data-testid="article-card">
      {/* The title is the card's one link; it stretches over the whole card, so a click anywhere opens the article. */}
      <div>
        <Flex vertical={!wide} gap={wide ? 20 : 0} style={{ padding: wide ? 16 : 0 }}>
          <ArticleCover url={article.coverUrl} alt="" style={wide ? { width: 200, height: 128 } : { width: '100%', height: 180, borderRadius: 0 }} />
          <Flex vertical gap={6} style={{ minWidth: 0, flex: 1, padding: wide ? '2px 0' : 16 }}>
            <Typography.Title level={3} style={{ margin: 0, fontSize: 20 }} ellipsis={{ rows: 2 }} data-testid="article-card-title">
              <a href={href} onClick={open} className="fb-stretched-link" style={{ color: 'inherit' }}>
                {article.title}
              </a>
            </Typography.Title>
            {article.summary ? (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {article.summary}
              </Typography.Paragraph>
            ) : null}
            <Flex wrap gap={8} align="center" style={{ marginTop: 'auto' }}>
              {article.kind === 'sponsored' ? <AdLabel advertiser={article.advertiser} /> : null}
              {article.requiredTier ? <MembersBadge tier={article.requiredTier.name} locked={article.locked} /> : null}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {article.kind === 'repost' ? `${t('articleSite.repost')} · ` : null}
                {date(article.publishedAt)}
              </Typography.Text>
            </Flex>
          </Flex>
        </Flex>
      </div>
    </Card>
  );
}
