import { ArrowRightOutlined } from '../../../components/ui/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { useArticles } from '../api/get-articles';
import { ArticleCard } from './article-card';

const LATEST = 3;

/** The newest articles under the channel card; nothing at all while the channel has none. */
export function LatestArticles({ feedPath }: { feedPath: string }) {
  const { t } = useTranslation();
  const articles = useArticles({ page: 1, pageSize: LATEST });
  const items = articles.data?.items ?? [];
  if (items.length === 0) return null;

  return (
    <Flex vertical gap={16} data-testid="latest-articles">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('articleSite.latest')}
        </Typography.Title>
        <RouterLink to={feedPath} testId="all-articles">
          {t('articleSite.allArticles')} <ArrowRightOutlined />
        </RouterLink>
      </Flex>
      {items.map((article) => (
        <ArticleCard key={article.id} article={article} />
      ))}
    </Flex>
  );
}
