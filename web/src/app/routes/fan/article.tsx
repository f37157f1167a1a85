import { ArrowLeftOutlined } from '../../../components/ui/icons';
import { Button, Card, Flex, Result, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorResult } from '../../../components/ui/error-result';
import { RouterLink } from '../../../components/ui/router-link';
import { useArticle } from '../../../features/articles/api/get-article';
import { useRecordArticleView } from '../../../features/articles/api/record-article-view';
import { ArticleLockCard } from '../../../features/articles/components/article-lock-card';
import { ArticleView } from '../../../features/articles/components/article-view';
import { ShareArticleButton } from '../../../features/articles/components/share-article-button';
import { useChannel } from '../../../features/channel/api/get-channel';
import { useMe } from '../../../features/fans/api/get-me';
import { FollowButton } from '../../../features/fans/components/follow-button';
import { isApiError } from '../../../lib/api-client';
import { withNext } from '../../../lib/safe-next';
import { useDocumentTitle } from '../../../lib/use-document-title';

const SHARE_CODE = /^[A-Za-z0-9_-]{4,32}$/;

/** One article: body (or, members-only and locked, its summary and the way to become a member), follow (credited to the article, or to the share link that brought the reader), share. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const article = useArticle(id);
  const channel = useChannel();
  const me = useMe();
  const recordView = useRecordArticleView();
  useDocumentTitle(article.data?.title, channel.data?.name);

  // One view per visit of the page (the ref also absorbs StrictMode's second effect run).
  const counted = useRef<string | null>(null);
  const { mutate: countView } = recordView;
  useEffect(() => {
    if (!id || counted.current === id) return;
    counted.current = id;
    countView(id);
  }, [id, countView]);

  const shareCode = params.get('share');
  const articleSource = `article:${id}`;
  const followSource = shareCode && SHARE_CODE.test(shareCode) ? `share:${shareCode}` : articleSource;
  const fan = me.isError ? null : me.data;
  const channelName = channel.data?.name ?? '';
  const signupPath = withNext('/signup', location.pathname + location.search);
  const loginPath = withNext('/login', location.pathname + location.search);
  const locked = article.data?.locked === true;

  const back = (testId?: string) => (
    <RouterLink to="/articles" testId={testId}>
      <ArrowLeftOutlined /> {t('articleSite.backToFeed')}
    </RouterLink>
  );

  if (article.isError) {
    return (
      <Flex vertical gap={16}>
        <div>{back('back-to-feed')}</div>
        <Card>
          {isApiError(article.error) && article.error.status === 404 ? (
            // Unknown, or no longer published (a draft again): nothing to retry.
            <Result
              status="404"
              title={t('articleSite.notFoundTitle')}
              subTitle={t('articleSite.notFoundBody')}
              extra={
                <Button type="primary" onClick={() => navigate('/articles')}>
                  {t('articleSite.allArticles')}
                </Button>
              }
            />
          ) : (
            <ErrorResult error={article.error} onRetry={() => void article.refetch()} />
          )}
        </Card>
      </Flex>
    );
  }

  const actions = (
    <Flex vertical align="center" gap={16} style={{ paddingTop: 32, borderTop: '1px solid rgba(5, 5, 5, 0.06)', textAlign: 'center' }}>
      <Typography.Text type="secondary" style={{ fontSize: 15, textWrap: 'balance' }}>
        {fan?.following
          ? t('articleSite.followingNote', { channel: channelName })
          : t(locked ? 'articleSite.followPromptLocked' : 'articleSite.followPrompt', { channel: channelName })}
      </Typography.Text>
      <Flex wrap gap={12} justify="center">
        <FollowButton fan={fan} channelName={channelName} source={followSource} unfollowSource={articleSource} size="default" testId="article-follow" />
        <ShareArticleButton articleId={id} signedIn={Boolean(fan)} signupPath={signupPath} />
      </Flex>
    </Flex>
  );

  return (
    <Flex vertical gap={16}>
      <div>{back('back-to-feed')}</div>
      <ArticleView
        article={article.data}
        channelName={channelName}
        actions={article.data ? actions : null}
        lockCard={article.data?.requiredTier ? <ArticleLockCard tier={article.data.requiredTier.name} signedIn={Boolean(fan)} loginPath={loginPath} /> : null}
      />
      {article.data ? <div>{back()}</div> : null}
    </Flex>
  );
}
