import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useChannel } from '../../../features/channel/api/get-channel';
import { ArticleFeed } from '../../../features/articles/components/article-feed';
import { useDocumentTitle } from '../../../lib/use-document-title';

const PAGE_SIZE = 10;

/** The channel's articles, newest first. */
export function ArticlesFeedPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const channel = useChannel();
  useDocumentTitle(t('articleSite.title'), channel.data?.name);
  const parsed = Number.parseInt(params.get('page') ?? '', 10);
  const page = Number.isFinite(parsed) && parsed > 0 ? parsed : 1;

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('articleSite.title')}
        </Typography.Title>
        {channel.data?.name ? <Typography.Text type="secondary">{t('articleSite.subtitle', { channel: channel.data.name })}</Typography.Text> : null}
      </div>
      <ArticleFeed page={page} pageSize={PAGE_SIZE} onPageChange={(next) => setParams(next > 1 ? { page: String(next) } : {})} />
    </Flex>
  );
}
