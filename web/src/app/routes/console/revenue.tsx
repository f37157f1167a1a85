import { DownloadOutlined } from '../../../components/ui/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { useRevenue } from '../../../features/revenue/api/get-revenue';
import { AdsOrMembersCard } from '../../../features/revenue/components/ads-or-members-card';
import { CurrencySelect } from '../../../features/revenue/components/currency-select';
import { MembershipsCard } from '../../../features/revenue/components/memberships-card';
import { currentMonth, rangeFromParams } from '../../../features/revenue/components/month-range';
import { MonthRangePicker } from '../../../features/revenue/components/month-range-picker';
import { RevenueCards } from '../../../features/revenue/components/revenue-cards';
import { RevenueChart } from '../../../features/revenue/components/revenue-chart';
import { RevenueMonthsTable } from '../../../features/revenue/components/revenue-months-table';
import { DEFAULT_CURRENCY } from '../../../lib/format-money';
import { useErrorText } from '../../../lib/use-api-error';
import { useDocumentTitle } from '../../../lib/use-document-title';

const CURRENCY = /^[A-Z]{3}$/;

/** Revenue: by source per UTC month (range and currency kept in the URL), per 1,000 followers, ads or members, memberships. */
export function RevenuePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('nav.revenue'), 'Fanbase');

  const current = currentMonth();
  const range = rangeFromParams(params.get('from'), params.get('to'), current);
  const requested = params.get('currency') ?? '';
  const currency = CURRENCY.test(requested) ? requested : DEFAULT_CURRENCY;
  const revenue = useRevenue({ ...range, currency });
  const report = revenue.data;
  const quiet = report && report.months.every((m) => m.adsMinor === 0 && m.membershipsMinor === 0 && m.storeMinor === 0 && m.refundsMinor === 0);
  const update = (next: Partial<{ from: string; to: string; currency: string }>) => setParams({ ...range, currency, ...next }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('nav.revenue')}
        subtitle={t('revenue.subtitle')}
        extra={
          <>
            <MonthRangePicker value={range} current={current} onChange={(next) => update(next)} />
            <CurrencySelect value={currency} available={report?.currencies ?? []} onChange={(next) => update({ currency: next })} />
            <Button icon={<DownloadOutlined />} href="/api/admin/ledger/export.csv" download data-testid="revenue-export">
              {t('revenue.export')}
            </Button>
          </>
        }
      />
      {revenue.isError ? (
        <Alert type="error" showIcon title={t('errors.loadFailed')} description={errorText(revenue.error)} />
      ) : (
        <Flex vertical gap={16}>
          <RevenueCards report={report} loading={revenue.isPending} />
          <Card title={t('revenue.chartTitle')} extra={<Typography.Text type="secondary">{t('revenue.utcNote')}</Typography.Text>}>
            {report ? (
              <>
                <RevenueChart report={report} />
                {quiet ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', textAlign: 'center' }} data-testid="revenue-quiet">
                    {t('revenue.quiet')}
                  </Typography.Paragraph>
                ) : null}
              </>
            ) : (
              <Skeleton active paragraph={{ rows: 8 }} />
            )}
          </Card>
          {report ? (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <AdsOrMembersCard report={report} />
                </Col>
                <Col xs={24} xl={12}>
                  <MembershipsCard report={report} />
                </Col>
              </Row>
              <Card title={t('revenue.monthsTitle')}>
                <RevenueMonthsTable report={report} />
              </Card>
            </>
          ) : null}
        </Flex>
      )}
    </>
  );
}
