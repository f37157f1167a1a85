import { Alert, Card, Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { useErrorText } from '../../../lib/use-api-error';
import { useAdminArticles } from '../api/get-admin-articles';
import type { AdminArticle } from '../types';
import { ArticleKindTag, NetFans } from './article-tags';

const TOP = 10;

/** The ten articles that won the most fans, net of the unfollows blamed on them (all time). */
export function TopArticlesCard({ articleHref }: { articleHref: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const articles = useAdminArticles({ sort: 'net_fans', page: 1, pageSize: TOP });
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  const columns: TableColumnsType<AdminArticle> = [
    {
      title: '#',
      key: 'rank',
      width: 44,
      render: (_, __, index) => <Typography.Text type="secondary">{index + 1}</Typography.Text>,
    },
    {
      title: t('articles.columns.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_, article) => (
        <RouterLink to={articleHref(article.id)} testId="top-article-link">
          {article.title}
        </RouterLink>
      ),
    },
    { title: t('articles.columns.kind'), dataIndex: 'kind', width: 90, render: (_, a) => <ArticleKindTag kind={a.kind} /> },
    { title: t('articles.columns.follows'), key: 'follows', width: 90, align: 'right', render: (_, a) => number.format(a.stats.follows) },
    { title: t('articles.columns.unfollows'), key: 'unfollows', width: 100, align: 'right', render: (_, a) => number.format(a.stats.unfollows) },
    { title: t('articles.columns.netFans'), key: 'netFans', width: 96, align: 'right', render: (_, a) => <NetFans value={a.stats.netFans} /> },
  ];

  return (
    <Card title={t('articles.top.title')} extra={<Typography.Text type="secondary">{t('articles.top.allTime')}</Typography.Text>} data-testid="top-articles">
      {articles.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(articles.error)} />
      ) : (
        <Table<AdminArticle>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={articles.data?.items ?? []}
          loading={articles.isPending}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('articles.top.empty')} /> }}
        />
      )}
    </Card>
  );
}
