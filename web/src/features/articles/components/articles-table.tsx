import { Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RouterLink } from '../../../components/ui/router-link';
import { useDateFormat } from '../../../lib/format-date';
import type { AdminArticle, ArticlePage } from '../types';
import { ArticleKindTag, ArticleStatusTag, MembersTag, NetFans } from './article-tags';
import { usePageItemRender } from '../../../components/ui/page-item-render';
import { serverPagination } from '../../../components/ui/server-pagination';

interface ArticlesTableProps {
  data: ArticlePage<AdminArticle> | undefined;
  loading: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  /** The article's editor: the title links there, and a click anywhere on the row opens it. */
  articleHref: (article: AdminArticle) => string;
}

/** Server-paginated list of articles with what each did to the fan base; a row opens the editor. */
export function ArticlesTable({ data, loading, filtered, onPageChange, articleHref }: ArticlesTableProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { date } = useDateFormat();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const count = (value: number) => number.format(value);

  const columns: TableColumnsType<AdminArticle> = [
    {
      title: t('articles.columns.title'),
      dataIndex: 'title',
      // No width: the title takes what the figures leave (at least 180 px, see scroll.x below).
      fixed: 'left',
      render: (_, article) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: article.title }}>
            <RouterLink to={articleHref(article)} testId="article-link">
              {article.title}
            </RouterLink>
          </Typography.Text>
          {article.kind === 'sponsored' && article.advertiser ? (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {t('articles.advertiserLine', { advertiser: article.advertiser })}
            </Typography.Text>
          ) : null}
          {article.membersTier ? (
            <div>
              <MembersTag tier={article.membersTier.name} />
            </div>
          ) : null}
        </Flex>
      ),
    },
    { title: t('articles.columns.kind'), dataIndex: 'kind', width: 88, render: (_, a) => <ArticleKindTag kind={a.kind} /> },
    { title: t('articles.columns.status'), dataIndex: 'status', width: 96, render: (_, a) => <ArticleStatusTag status={a.status} /> },
    {
      title: t('articles.columns.publishedAt'),
      dataIndex: 'publishedAt',
      width: 116,
      render: (value: string | null) => (value ? date(value) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('articles.columns.views'), key: 'views', width: 76, align: 'right', render: (_, a) => count(a.stats.views) },
    { title: t('articles.columns.uniqueReads'), key: 'uniqueReads', width: 92, align: 'right', render: (_, a) => count(a.stats.uniqueReads) },
    { title: t('articles.columns.shares'), key: 'shares', width: 84, align: 'right', render: (_, a) => count(a.stats.shares) },
    { title: t('articles.columns.follows'), key: 'follows', width: 92, align: 'right', render: (_, a) => count(a.stats.follows) },
    { title: t('articles.columns.unfollows'), key: 'unfollows', width: 104, align: 'right', render: (_, a) => count(a.stats.unfollows) },
    {
      title: t('articles.columns.netFans'),
      key: 'netFans',
      // Pinned like the title: the number this list is about stays in view while the rest scrolls.
      fixed: 'right',
      width: 96,
      align: 'right',
      render: (_, a) => <NetFans value={a.stats.netFans} />,
    },
  ];

  const itemRender = usePageItemRender();
  const pagination = serverPagination(data, onPageChange, (total) => t('articles.paginationTotal', { count: total }));

  return (
    <div data-testid="articles-table">
      <Table<AdminArticle>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{ ...pagination, itemRender }}
        // The figures take 844 px and the title at least 180: every column fits the console at
        // 1366 px (about 1030 px for the table); narrower, the table scrolls under its pinned
        // title and net fans.
        size="middle"
        scroll={{ x: 1024 }}
        onRow={(article) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) void navigate(articleHref(article));
          },
          style: { cursor: 'pointer' },
          ...{ 'data-testid': 'article-row' },
        })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('articles.emptyFiltered') : t('articles.empty')} />,
        }}
      />
    </div>
  );
}
