import { Card, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { PublicArticle } from '../types';
import { ArticleBody } from './article-body';
import { ArticleCover } from './article-cover';
import { AdLabel, MembersBadge } from './article-tags';

interface ArticleViewProps {
  article: PublicArticle | undefined;
  channelName: string;
  /** Follow and share, under the body. */
  actions?: ReactNode;
  /** In place of the body when the article is locked for this reader (see ArticleLockCard). */
  lockCard?: ReactNode;
}

/** One article as fans read it: ad disclosure, members badge, title, channel and date, cover, body (or, locked, its summary and the lock card). */
export function ArticleView({ article, channelName, actions, lockCard }: ArticleViewProps) {
  const { t } = useTranslation();
  const { date } = useDateFormat();

  if (!article) {
    return (
      <Card>
        <Skeleton active title paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  return (
    <Card styles={{ body: { padding: 'clamp(20px, 5vw, 48px)' } }}>
      <article>
        <Flex vertical gap={12} style={{ marginBottom: 24 }}>
          {article.kind === 'sponsored' || article.requiredTier ? (
            <Flex wrap gap={8}>
              {article.kind === 'sponsored' ? <AdLabel advertiser={article.advertiser} /> : null}
              {article.requiredTier ? <MembersBadge tier={article.requiredTier.name} locked={article.locked} /> : null}
            </Flex>
          ) : null}
          <Typography.Title level={1} style={{ margin: 0, fontSize: 'clamp(24px, 4vw, 32px)', lineHeight: 1.3 }} data-testid="article-heading">
            {article.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {channelName ? (
              <>
                <Typography.Text strong>{channelName}</Typography.Text>
                {' · '}
              </>
            ) : null}
            {article.kind === 'repost' ? `${t('articleSite.repost')} · ` : null}
            {date(article.publishedAt)}
          </Typography.Text>
        </Flex>
        {article.coverUrl ? (
          <ArticleCover url={article.coverUrl} alt="" fallback="none" style={{ width: '100%', height: 'auto', maxHeight: 420, marginBottom: 28 }} />
        ) : null}
        {article.locked ? (
          <>
            {article.summary ? (
              <Typography.Paragraph style={{ fontSize: 17 }} data-testid="article-summary">
                {article.summary}
              </Typography.Paragraph>
            ) : null}
            {lockCard}
          </>
        ) : article.bodyHtml?.trim() ? (
          <ArticleBody html={article.bodyHtml} testId="article-content" />
        ) : article.summary ? (
          <Typography.Paragraph style={{ fontSize: 17 }}>{article.summary}</Typography.Paragraph>
        ) : null}
        {article.kind === 'sponsored' ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 32, fontSize: 13 }}>
            {article.advertiser ? t('articleSite.sponsoredNote', { advertiser: article.advertiser }) : t('articleSite.sponsoredNoteAnonymous')}
          </Typography.Paragraph>
        ) : null}
      </article>
      {actions ? <div style={{ marginTop: 40 }}>{actions}</div> : null}
    </Card>
  );
}
