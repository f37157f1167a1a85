import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ARTICLE_KINDS, ARTICLE_SORTS, ARTICLE_STATUSES, type ArticleKind, type ArticleSort, type ArticleStatus } from '../types';
import { useArticleKindLabel, useArticleStatusLabel } from './article-tags';

interface ArticlesFiltersProps {
  status: ArticleStatus | undefined;
  kind: ArticleKind | undefined;
  sort: ArticleSort;
  onChange: (patch: { status?: ArticleStatus | null; kind?: ArticleKind | null; sort?: ArticleSort }) => void;
}

const SORT_LABELS = {
  newest: 'articles.sort.newest',
  net_fans: 'articles.sort.net_fans',
  unfollows: 'articles.sort.unfollows',
  reads: 'articles.sort.reads',
} as const satisfies Record<ArticleSort, string>;

/** Status and kind filters and the sort order of the article list. */
export function ArticlesFilters({ status, kind, sort, onChange }: ArticlesFiltersProps) {
  const { t } = useTranslation();
  const statusLabel = useArticleStatusLabel();
  const kindLabel = useArticleKindLabel();

  return (
    <Flex wrap gap={12}>
      <Select<ArticleStatus>
        allowClear
        value={status}
        onChange={(value) => onChange({ status: value ?? null })}
        placeholder={t('articles.allStatuses')}
        options={ARTICLE_STATUSES.map((value) => ({ value, label: statusLabel(value) }))}
        style={{ width: 160 }}
        aria-label={t('articles.columns.status')}
        data-testid="articles-status-filter"
      />
      <Select<ArticleKind>
        allowClear
        value={kind}
        onChange={(value) => onChange({ kind: value ?? null })}
        placeholder={t('articles.allKinds')}
        options={ARTICLE_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
        style={{ width: 160 }}
        aria-label={t('articles.columns.kind')}
        data-testid="articles-kind-filter"
      />
      <Select<ArticleSort>
        value={sort}
        onChange={(value) => onChange({ sort: value })}
        prefix={t('articles.sortBy')}
        options={ARTICLE_SORTS.map((value) => ({ value, label: t(SORT_LABELS[value]) }))}
        popupMatchSelectWidth={false}
        style={{ minWidth: 220 }}
        aria-label={t('articles.sortBy')}
        data-testid="articles-sort"
      />
    </Flex>
  );
}
