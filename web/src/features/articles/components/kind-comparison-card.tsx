import { InfoCircleOutlined } from '../../../components/ui/icons';
import { Alert, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/ui/router-link';
import { DEFAULT_CURRENCY, useMoneyFormat } from '../../../lib/format-money';
import { useErrorText } from '../../../lib/use-api-error';
import { useKindComparison } from '../api/get-kind-comparison';
import { ARTICLE_KINDS, type ArticleKind, type KindTotals } from '../types';
import { ArticleKindTag } from './article-tags';

type Metric = 'articles' | 'uniqueReads' | 'followsPer1000Reads' | 'unfollowsPer1000Reads' | 'revenue';

interface Row {
  metric: Metric;
  label: string;
  cells: Partial<Record<ArticleKind, ReactNode>>;
}

/** Which kind stands out in a "per 1,000 reads" row: the highest, when the kinds differ at all. */
function leader(kinds: KindTotals[], pick: (k: KindTotals) => number): ArticleKind | null {
  const values = kinds.map(pick);
  const max = Math.max(...values);
  if (!(max > 0) || values.every((v) => v === max)) return null;
  return kinds.find((k) => pick(k) === max)?.kind ?? null;
}

/** Ads vs original content, side by side: reach, follows and unfollows per 1,000 reads, ad revenue. */
export function KindComparisonCard({ settingsPath }: { settingsPath: string }) {
  const { t, i18n } = useTranslation();
  const money = useMoneyFormat();
  const errorText = useErrorText();
  const comparison = useKindComparison();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 2 });
  const kinds = ARTICLE_KINDS.map(
    (kind) =>
      comparison.data?.kinds.find((k) => k.kind === kind) ?? {
        kind,
        articles: 0,
        views: 0,
        uniqueReads: 0,
        follows: 0,
        unfollows: 0,
        unfollowsPer1000Reads: 0,
        followsPer1000Reads: 0,
        revenue: [],
      },
  );

  const mostFollows = leader(kinds, (k) => k.followsPer1000Reads);
  const mostUnfollows = leader(kinds, (k) => k.unfollowsPer1000Reads);
  const cellsOf = (render: (k: KindTotals) => ReactNode) => Object.fromEntries(kinds.map((k) => [k.kind, render(k)]));
  const rate = (value: number, highlight: boolean, type: 'success' | 'danger') => (
    <Typography.Text strong={highlight} type={highlight ? type : undefined}>
      {number.format(value)}
    </Typography.Text>
  );

  const rows: Row[] = [
    { metric: 'articles', label: t('articles.comparison.articles'), cells: cellsOf((k) => number.format(k.articles)) },
    { metric: 'uniqueReads', label: t('articles.comparison.uniqueReads'), cells: cellsOf((k) => number.format(k.uniqueReads)) },
    {
      metric: 'followsPer1000Reads',
      label: t('articles.comparison.followsPer1000'),
      cells: cellsOf((k) => rate(k.followsPer1000Reads, k.kind === mostFollows, 'success')),
    },
    {
      metric: 'unfollowsPer1000Reads',
      label: t('articles.comparison.unfollowsPer1000'),
      cells: cellsOf((k) => rate(k.unfollowsPer1000Reads, k.kind === mostUnfollows, 'danger')),
    },
    {
      metric: 'revenue',
      label: t('articles.comparison.revenue'),
      cells: cellsOf((k) =>
        k.kind !== 'sponsored' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : k.revenue.length === 0 ? (
          money({ amountMinor: 0, currency: DEFAULT_CURRENCY })
        ) : (
          k.revenue.map((m) => money(m)).join(' + ')
        ),
      ),
    },
  ];

  const columns: TableColumnsType<Row> = [
    { key: 'metric', dataIndex: 'label', render: (label: string) => <Typography.Text type="secondary">{label}</Typography.Text> },
    ...kinds.map((k) => ({
      key: k.kind,
      title: <ArticleKindTag kind={k.kind} />,
      align: 'right' as const,
      width: '22%',
      render: (_: unknown, row: Row) => <span data-testid={`comparison-${k.kind}-${row.metric}`}>{row.cells[k.kind]}</span>,
    })),
  ];

  return (
    <Card title={t('articles.comparison.title')} data-testid="kind-comparison">
      {comparison.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(comparison.error)} />
      ) : (
        <>
          <Table<Row> rowKey="metric" size="small" columns={columns} dataSource={rows} loading={comparison.isPending} pagination={false} scroll={{ x: 560 }} />
          {comparison.data ? (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              <InfoCircleOutlined /> {t('articles.comparison.explain', { count: comparison.data.windowHours })}{' '}
              <RouterLink to={settingsPath}>{t('articles.comparison.changeWindow')}</RouterLink>
            </Typography.Paragraph>
          ) : null}
        </>
      )}
    </Card>
  );
}
