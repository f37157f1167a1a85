import { PlusOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { useAdminArticles } from '../../../features/articles/api/get-admin-articles';
import { ArticlesFilters } from '../../../features/articles/components/articles-filters';
import { ArticlesTable } from '../../../features/articles/components/articles-table';
import { KindComparisonCard } from '../../../features/articles/components/kind-comparison-card';
import { ARTICLE_KINDS, ARTICLE_SORTS, ARTICLE_STATUSES } from '../../../features/articles/types';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { queryKeys } from '../../../lib/query-keys';
import { useErrorText } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlListParams } from '../../../lib/use-url-list-params';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

const CONSUMERS: StreamConsumer[] = ['articles.counters'];
const FIGURES = [queryKeys.consoleArticles];

/** Articles: ads vs original content, then the list with filters and sort (all kept in the URL). */
export function ArticlesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { params, page, pageSize, update, onPageChange } = useUrlListParams();
  useDocumentTitle(t('nav.articles'), 'Fanbase');

  const status = oneOf(ARTICLE_STATUSES, params.get('status'));
  const kind = oneOf(ARTICLE_KINDS, params.get('kind'));
  const sort = oneOf(ARTICLE_SORTS, params.get('sort')) ?? 'newest';
  const articles = useAdminArticles({ status, kind, sort, page, pageSize });

  return (
    <>
      <PageHeader
        title={t('nav.articles')}
        subtitle={t('articles.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/articles/new')} data-testid="new-article">
            {t('articles.newArticle')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <FiguresCatchingUp consumers={CONSUMERS} refresh={FIGURES} />
        <KindComparisonCard settingsPath="/console/settings" />
        <Card>
          <Flex vertical gap={16}>
            <ArticlesFilters
              status={status}
              kind={kind}
              sort={sort}
              onChange={(patch) => update({ ...patch, sort: patch.sort === 'newest' ? null : patch.sort, page: null })}
            />
            {articles.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(articles.error)} /> : null}
            <ArticlesTable
              data={articles.data}
              loading={articles.isFetching}
              filtered={Boolean(status || kind)}
              onPageChange={onPageChange}
              articleHref={(article) => `/console/articles/${article.id}`}
            />
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
