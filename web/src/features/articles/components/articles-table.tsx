import { Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../../lib/format-date';
import type { AdminArticle, ArticlePage } from '../types';
import { ArticleKindTag, ArticleStatusTag, NetFans } from './article-tags';
import { serverPagination } from '../../../components/ui/server-pagination';

interface ArticlesTableProps {
  data: ArticlePage<AdminArticle> | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (article: AdminArticle) => void;
}

/** Server-paginated list of articles with what each did to the fan base; a row opens the editor. */
export function ArticlesTable({ data, loading, filtered, onPageChange, onOpen }: ArticlesTableProps) {
  const { t, i18n } = useTranslation();
  const { date } = useDateFormat();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const count = (value: number) => number.format(value);

  const columns: TableColumnsType<AdminArticle> = [
    {
      title: t('articles.columns.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: 280,
      render: (_, article) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: article.title }}>
            {article.title}
          </Typography.Text>
          {article.kind === 'sponsored' && article.advertiser ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {t('articles.advertiserLine', { advertiser: article.advertiser })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('articles.columns.kind'), dataIndex: 'kind', width: 90, render: (_, a) => <ArticleKindTag kind={a.kind} /> },
    { title: t('articles.columns.status'), dataIndex: 'status', width: 100, render: (_, a) => <ArticleStatusTag status={a.status} /> },
    {
      title: t('articles.columns.publishedAt'),
      dataIndex: 'publishedAt',
      width: 120,
      render: (value: string | null) => (value ? date(value) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('articles.columns.views'), key: 'views', width: 88, align: 'right', render: (_, a) => count(a.stats.views) },
    { title: t('articles.columns.uniqueReads'), key: 'uniqueReads', width: 104, align: 'right', render: (_, a) => count(a.stats.uniqueReads) },
    { title: t('articles.columns.shares'), key: 'shares', width: 88, align: 'right', render: (_, a) => count(a.stats.shares) },
    { title: t('articles.columns.follows'), key: 'follows', width: 100, align: 'right', render: (_, a) => count(a.stats.follows) },
    { title: t('articles.columns.unfollows'), key: 'unfollows', width: 112, align: 'right', render: (_, a) => count(a.stats.unfollows) },
    {
      title: t('articles.columns.netFans'),
      key: 'netFans',
      // Pinned like the title: the number this list is about stays in view while the rest scrolls.
      fixed: 'right',
      width: 104,
      align: 'right',
      render: (_, a) => <NetFans value={a.stats.netFans} />,
    },
  ];

  const pagination = serverPagination(data, onPageChange, (total) => t('articles.paginationTotal', { count: total }));

  return (
    <div data-testid="articles-table">
      <Table<AdminArticle>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={pagination}
        scroll={{ x: 1186 }}
        onRow={(article) => ({ onClick: () => onOpen(article), style: { cursor: 'pointer' }, ...{ 'data-testid': 'article-row' } })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('articles.emptyFiltered') : t('articles.empty')} />,
        }}
      />
    </div>
  );
}
