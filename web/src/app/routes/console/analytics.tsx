import { Alert, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { TopArticlesCard } from '../../../features/articles/components/top-articles-card';
import { useGrowth } from '../../../features/insights/api/get-growth';
import { useChannelSettings } from '../../../features/channel/api/get-channel-settings';
import { rangeFromParams, todayIn } from '../../../features/insights/components/day-range';
import { DayRangePicker } from '../../../features/insights/components/day-range-picker';
import { GrowthChart } from '../../../features/insights/components/growth-chart';
import { GrowthSummary } from '../../../features/insights/components/growth-summary';
import { QualityCard } from '../../../features/insights/components/quality-card';
import { FiguresCatchingUp } from '../../../features/stream/components/figures-catching-up';
import type { StreamConsumer } from '../../../features/stream/types';
import { queryKeys } from '../../../lib/query-keys';
import { useErrorText } from '../../../lib/use-api-error';
import { zoneLabel } from '../../../lib/time-zones';
import { useDocumentTitle } from '../../../lib/use-document-title';

// The daily rollup (growth) and the article counters (top articles).
const CONSUMERS: StreamConsumer[] = ['insights.daily', 'articles.counters'];
const FIGURES = [queryKeys.consoleInsights, queryKeys.consoleArticles];

/** Channel analytics: growth per day and source over a range (kept in the URL), top articles, fan quality per source. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('nav.analytics'), 'Fanbase');

  const timeZone = useChannelSettings().data?.timeZone ?? 'UTC';
  const today = todayIn(timeZone);
  const range = rangeFromParams(params.get('from'), params.get('to'), today);
  const growth = useGrowth(range);
  const quiet = growth.data && growth.data.days.every((day) => day.newFollows === 0 && day.lostFollows === 0);

  return (
    <>
      <PageHeader
        title={t('nav.analytics')}
        subtitle={t('insights.subtitle')}
        extra={<DayRangePicker value={range} today={today} onChange={(next) => setParams({ from: next.from, to: next.to }, { replace: true })} />}
      />
      <Flex vertical gap={16}>
        {growth.data?.recounting ? (
          <Alert type="info" showIcon title={t('insights.recounting', { zone: zoneLabel(growth.data.timeZone) })} data-testid="recounting" />
        ) : null}
        {/* While past days are re-counted, that notice already says the figures are moving. */}
        <FiguresCatchingUp consumers={CONSUMERS} refresh={FIGURES} hidden={Boolean(growth.data?.recounting)} />
        <GrowthSummary growth={growth.data} loading={growth.isPending} />
        <Card
          title={t('insights.growthTitle')}
          extra={<Typography.Text type="secondary">{t('insights.zoneNote', { zone: zoneLabel(growth.data?.timeZone ?? timeZone) })}</Typography.Text>}
        >
          {growth.isError ? (
            <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(growth.error)} />
          ) : growth.data ? (
            <>
              <GrowthChart growth={growth.data} />
              {quiet ? (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', textAlign: 'center' }}>
                  {t('insights.quiet')}
                </Typography.Paragraph>
              ) : null}
            </>
          ) : (
            <Skeleton active paragraph={{ rows: 8 }} />
          )}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={12}>
            <TopArticlesCard articleHref={(id) => `/console/articles/${id}`} />
          </Col>
          <Col xs={24} xxl={12}>
            <QualityCard />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
