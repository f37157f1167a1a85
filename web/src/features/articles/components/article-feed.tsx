import { Alert, Card, Empty, Flex, Pagination, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import { useErrorText } from '../../../lib/use-api-error';
import { useArticles } from '../api/get-articles';
import { ArticleCard } from './article-card';

interface ArticleFeedProps {
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/** Published articles, newest first, a page at a time. */
export function ArticleFeed({ page, pageSize, onPageChange }: ArticleFeedProps) {
  const { t } = useTranslation();
  const itemRender = usePageItemRender();
  const errorText = useErrorText();
  const articles = useArticles({ page, pageSize });

  if (articles.isPending) {
    return (
      <Flex vertical gap={16}>
        {[0, 1, 2].map((key) => (
          <Card key={key}>
            <Skeleton active avatar={{ shape: 'square', size: 96 }} paragraph={{ rows: 2 }} />
          </Card>
        ))}
      </Flex>
    );
  }
  if (articles.isError) {
    return <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(articles.error)} />;
  }
  if (articles.data.items.length === 0) {
    return (
      <Card>
        <Empty description={page > 1 ? t('articleSite.pageEmpty') : t('articleSite.empty')} />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16} data-testid="article-feed" style={{ opacity: articles.isPlaceholderData ? 0.6 : 1 }}>
      {articles.data.items.map((article) => (
        <ArticleCard key={article.id} article={article} />
      ))}
      {articles.data.total > pageSize ? (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Pagination
            current={articles.data.page}
            pageSize={pageSize}
            total={articles.data.total}
            showSizeChanger={false}
            itemRender={itemRender}
            onChange={(next) => {
              onPageChange(next);
              window.scrollTo({ top: 0, behavior: 'smooth' });
            }}
          />
        </Flex>
      ) : null}
    </Flex>
  );
}
